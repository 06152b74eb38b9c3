/** What running one command line produces, like a process: output streams and an exit code. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
