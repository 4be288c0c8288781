#!/usr/bin/env python3
"""Drives the reference age tool (Go, Debian package `age`), an implementation
independent of the Rust `age` crate SMM Navigator uses. age reads a passphrase
only from a terminal, so this runs it in a pseudo-terminal and types it.

    age_tool.py encrypt IN OUT PASSPHRASE   # age -p -o OUT IN
    age_tool.py decrypt IN OUT PASSPHRASE   # age -d -o OUT IN
Exit status: age's own; its prompts and messages go to stderr."""
import os, pty, select, sys, time

def run(args, passphrase, prompts):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(args[0], args)
    seen, typed, deadline = b'', 0, time.time() + 120
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            while typed < prompts and seen.lower().count(b'passphrase') > typed:
                os.write(fd, passphrase.encode() + b'\r')
                typed += 1
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        sys.stderr.write('age did not finish in 120 s\n')
        return 124
    if not done:
        _, status = os.waitpid(pid, 0)
    sys.stderr.write(seen.decode(errors='replace'))
    return os.waitstatus_to_exitcode(status)

def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ('encrypt', 'decrypt'):
        sys.exit(__doc__)
    mode, src, dst, passphrase = sys.argv[1:]
    if mode == 'encrypt':
        code = run(['age', '-p', '-o', dst, src], passphrase, 2)
    else:
        code = run(['age', '-d', '-o', dst, src], passphrase, 1)
    sys.exit(code)

if __name__ == '__main__':
    main()
