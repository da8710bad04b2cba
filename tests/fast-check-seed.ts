// Property tests run with one fixed seed, so that CI and every clone explore
// the same cases and a failure can be replayed; set FC_SEED to explore others
// (e.g. FC_SEED=$RANDOM npm run test:unit) and keep any counterexample found
// as a plain test.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
