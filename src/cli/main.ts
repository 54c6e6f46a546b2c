import { configFromEnv } from '../config.js';
import { createProgram } from './program.js';

const { program, exitCode } = createProgram(configFromEnv(), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
await program.parseAsync(process.argv);
process.exitCode = exitCode();
