// Parses a QEMU-style device option, `stopwatch,start_at_boot=false,on_error=log`
// (qdev's `-device TYPE,prop=value,...`), into the stopwatch's properties.
// Booleans accept what QEMU accepts: on/off, yes/no, true/false.

import { DEFAULT_STOPWATCH_PROPS, type StopwatchProps } from './stopwatch.ts';

export class DeviceOptionError extends Error {}

const BOOLEANS: Record<string, boolean> = { on: true, yes: true, true: true, off: false, no: false, false: false };

function parseBool(prop: string, value: string): boolean {
  const b = BOOLEANS[value.toLowerCase()];
  if (b === undefined) {
    throw new DeviceOptionError(`stopwatch: '${prop}=${value}' is not a yes/no value; use ${prop}=true or ${prop}=false (on/off and yes/no work too)`);
  }
  return b;
}

export function parseDeviceOption(option: string): StopwatchProps {
  const [type, ...assignments] = option.split(',');
  if (type.trim() !== 'stopwatch') {
    throw new DeviceOptionError(`'${type}' is not a device this board can add; the only pluggable device is 'stopwatch' (e.g. stopwatch,start_at_boot=false,on_error=log)`);
  }
  const props: StopwatchProps = { ...DEFAULT_STOPWATCH_PROPS };
  for (const a of assignments) {
    if (a.trim() === '') continue;
    const eq = a.indexOf('=');
    if (eq < 0) throw new DeviceOptionError(`stopwatch: '${a}' needs a value, like ${a}=true`);
    const name = a.slice(0, eq).trim();
    const value = a.slice(eq + 1).trim();
    if (name === 'start_at_boot' || name === 'start-at-boot') props.startAtBoot = parseBool(name, value);
    else if (name === 'on_error' || name === 'on-error') props.onError = parseOnError(value);
    else throw new DeviceOptionError(`stopwatch: there is no property '${name}'; the properties are start_at_boot (true/false) and on_error (stop/log)`);
  }
  return props;
}

function parseOnError(value: string): 'stop' | 'log' {
  if (value === 'stop' || value === 'log') return value;
  throw new DeviceOptionError(`stopwatch: on_error=${value} is not known; use on_error=stop (a device error stops the machine) or on_error=log (it is logged and ignored)`);
}
