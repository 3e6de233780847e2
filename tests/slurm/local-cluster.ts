/**
 * A one-node Slurm cluster on this machine, for tests: Debian's munge and slurm-wlm, started as
 * root in a private folder (its own munge key, socket and ports; no systemd, nothing in /etc), and
 * stopped again — every daemon it started, by process id. {@link startCluster} resolves to null,
 * with the reason, when Slurm cannot start here (not root, packages missing, a daemon failing).
 *
 * @module
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running cluster. */
export interface LocalCluster {
  dir: string;
  /** Environment for sbatch, sinfo, … (SLURM_CONF). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const has = (cmd: string) => ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((d) => existsSync(join(d, cmd)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a process to exit, then SIGKILL after `ms`. */
async function stopProcess(p: ChildProcess, ms = 10_000): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  if ((await Promise.race([exited.then(() => true), sleep(ms).then(() => false)])) === false) {
    p.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts munged, slurmctld and slurmd (2 CPUs, one partition `local`) and waits for the node to be
 * idle; null with the reason when it cannot.
 *
 * @example
 * const c = await startCluster();
 * if (c) try { execFileSync('sbatch', ['--wait', 'job.sh'], { env: c.env }); } finally { await c.stop(); }
 */
export async function startCluster(): Promise<LocalCluster | { reason: string }> {
  if (process.getuid?.() !== 0) return { reason: 'not root (slurmd and munged need root)' };
  for (const cmd of ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'sinfo']) {
    if (!has(cmd)) return { reason: `${cmd} is not installed (apt-get install slurm-wlm munge)` };
  }
  const host = hostname().split('.')[0];
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-slurm-'));
  chmodSync(dir, 0o755);
  const procs: ChildProcess[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) await stopProcess(p);
    procs.length = 0;
    process.off('exit', killAll);
    // munged runs under runuser: should runuser not have passed the signal on, stop munged by its own pid
    const pidFile = join(dir, 'munge', 'munged.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    if (pid > 0 && existsSync(`/proc/${pid}/comm`) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'munged') process.kill(pid, 'SIGTERM');
  };
  // if the test process ends without stop(): no daemon outlives it
  const killAll = () => procs.forEach((p) => p.exitCode === null && p.kill('SIGKILL'));
  process.on('exit', killAll);
  const logs = () => ['munged.out', 'slurmctld.out', 'slurmd.out'].map((f) => join(dir, 'log', f)).filter(existsSync).map((f) => `${f}:\n${readFileSync(f, 'utf8').split('\n').slice(-8).join('\n')}`).join('\n');
  try {
    const munge = join(dir, 'munge');
    const sock = join(dir, 'sock');
    for (const d of ['munge', 'sock', 'state', 'spool', 'log']) mkdirSync(join(dir, d));
    const uid = Number(execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }));
    chownSync(munge, uid, gid);
    chmodSync(munge, 0o700);
    chownSync(sock, uid, gid);
    chmodSync(sock, 0o755);
    const key = join(munge, 'munge.key');
    execFileSync('mungekey', ['--create', `--keyfile=${key}`]);
    chownSync(key, uid, gid);
    chmodSync(key, 0o400);
    const spawnLogged = (name: string, cmd: string, args: string[]) => {
      const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const log: string[] = [];
      const keep = (b: Buffer) => {
        log.push(b.toString());
        writeFileSync(join(dir, 'log', `${name}.out`), log.join(''));
      };
      p.stdout!.on('data', keep);
      p.stderr!.on('data', keep);
      procs.push(p);
      return p;
    };
    const socket = join(sock, 'munge.sock');
    // munged as its own user (it refuses root's), in the foreground: its process id is ours to stop
    spawnLogged('munged', 'runuser', ['-u', 'munge', '--', 'munged', '-F', `--socket=${socket}`, `--key-file=${key}`, `--log-file=${join(munge, 'munged.log')}`, `--pid-file=${join(munge, 'munged.pid')}`, `--seed-file=${join(munge, 'munged.seed')}`]);
    for (let i = 0; !existsSync(socket); i++) {
      if (i > 50) throw new Error('munged did not create its socket');
      await sleep(100);
    }
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    const conf = join(dir, 'slurm.conf');
    writeFileSync(
      conf,
      [
        'ClusterName=urbcast-test',
        `SlurmctldHost=${host}`,
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${dPort}`,
        'AuthType=auth/munge',
        `AuthInfo=socket=${socket}`,
        'CredType=cred/munge',
        'SlurmUser=root',
        'SlurmdUser=root',
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_CPU',
        'MpiDefault=none',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'ReturnToService=2',
        `NodeName=${host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
        `PartitionName=local Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    spawnLogged('slurmctld', 'slurmctld', ['-D', '-f', conf]);
    spawnLogged('slurmd', 'slurmd', ['-D', '-f', conf]);
    const env = { ...process.env, SLURM_CONF: conf };
    for (let i = 0; ; i++) {
      if (procs.some((p) => p.exitCode !== null)) throw new Error('a daemon exited');
      let state = '';
      try {
        state = execFileSync('sinfo', ['-h', '-N', '-o', '%t'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        /* slurmctld not up yet */
      }
      if (state === 'idle') break;
      if (i > 150) throw new Error(`the node is not idle after 30 s (sinfo: ${state || 'no answer'})`);
      await sleep(200);
    }
    return { dir, env, stop: async () => (await stop(), rmSync(dir, { recursive: true, force: true })) };
  } catch (e) {
    const why = `${(e as Error).message}\n${logs()}`;
    await stop();
    rmSync(dir, { recursive: true, force: true });
    return { reason: why };
  }
}
