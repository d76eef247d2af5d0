// Locating (or building) the vcservice CLI for interop tests and benchmarks.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {repoRoot} from './loader.mjs';

/**
 * Path to vcservice.dll: $VCSERVICE_CLI when set, otherwise builds src/VcService.Cli (Release) once
 * and returns the built dll.
 */
export function vcserviceCli() {
  if(process.env.VCSERVICE_CLI) {
    return process.env.VCSERVICE_CLI;
  }
  const project = path.join(repoRoot, 'src', 'VcService.Cli');
  const dll = path.join(project, 'bin', 'Release', 'net10.0', 'vcservice.dll');
  execFileSync('dotnet', ['build', project, '-c', 'Release', '-v', 'q', '-nologo'], {stdio: 'inherit'});
  if(!existsSync(dll)) {
    throw new Error(`build did not produce ${dll}`);
  }
  return dll;
}

/** Runs `dotnet <dll> ...args`; returns {status, stdout, stderr}. */
export function runCli(dll, args) {
  try {
    const stdout = execFileSync('dotnet', [dll, ...args], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe']});
    return {status: 0, stdout, stderr: ''};
  } catch(e) {
    return {status: e.status, stdout: e.stdout ?? '', stderr: e.stderr ?? ''};
  }
}
