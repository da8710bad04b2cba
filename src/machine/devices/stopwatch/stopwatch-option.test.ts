import { describe, expect, it } from 'vitest';
import { DeviceOptionError, parseDeviceOption } from './stopwatch-option.ts';

describe('parseDeviceOption', () => {
  it('reads QEMU -device syntax', () => {
    expect(parseDeviceOption('stopwatch')).toEqual({ startAtBoot: true, onError: 'stop' });
    expect(parseDeviceOption('stopwatch,start_at_boot=false,on_error=log')).toEqual({ startAtBoot: false, onError: 'log' });
    expect(parseDeviceOption('stopwatch,start_at_boot=off')).toEqual({ startAtBoot: false, onError: 'stop' });
    expect(parseDeviceOption('stopwatch,start_at_boot=yes,on_error=stop')).toEqual({ startAtBoot: true, onError: 'stop' });
  });

  it.each([
    ['edu', /only pluggable device is 'stopwatch'/],
    ['stopwatch,start_at_boot=maybe', /start_at_boot=true or start_at_boot=false/],
    ['stopwatch,on_error=crash', /on_error=stop .* on_error=log/],
    ['stopwatch,speed=2', /no property 'speed'.*start_at_boot.*on_error/],
    ['stopwatch,start_at_boot', /needs a value, like start_at_boot=true/],
  ])('explains what is wrong with %s', (option, message) => {
    expect(() => parseDeviceOption(option)).toThrow(DeviceOptionError);
    expect(() => parseDeviceOption(option)).toThrow(message);
  });
});
