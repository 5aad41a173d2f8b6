// How the command-line tools report a bad invocation: one line on stderr, exit code 2.

export function usageError(tool: string): (message: string) => never {
  return (message: string): never => {
    process.stderr.write(`${tool}: ${message}\n`);
    process.exit(2);
  };
}
