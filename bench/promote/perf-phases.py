#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Attribute perf samples of deploy-studio-cli to the phases of `promote --push`.

    perf script -F comm,pid,tid,time,ip,sym -i perf.data | perf-phases.py SAMPLE_HZ

Needs a recording with --call-graph dwarf. Each sample goes to the innermost (leaf-most) frame that names a phase;
samples without such a frame are start-up when the loader's symbol lookup is at the leaf, else "other". Cross-cutting
figures (ext4 inode allocation, page faults, mbedTLS) are counted over all samples.
"""
import collections
import re
import sys

LOADER = "start-up: dynamic loader (map, relocate, bind ~35 shared libraries)"
MARKERS = [  # (frame symbol contains, phase); checked from the leaf outwards, first hit wins
    ("studio::libgit2::ensureInitialised", "git: git_libgit2_init (mbedTLS parses the CA bundle)"),
    ("git_libgit2_init", "git: git_libgit2_init (mbedTLS parses the CA bundle)"),
    ("studio::SshSigner", "git: SSH signature"),
    ("studio::Workspace::discover", "discovery (Workspace::discover)"),
    ("studio::PromotionPlan::build", "plan (PromotionPlan::build)"),
    ("studio::WorkspaceChecker", "preview: schema check of the patched target"),
    ("studio::CompiledSchema", "preview: schema check of the patched target"),
    ("studio::PromotionPlan::preview", "preview: patch in memory"),
    ("studio::PromotionPlan::write", "write values file (QSaveFile)"),
    ("studio::GitRepository::open", "git: open repository"),
    ("studio::GitRepository::identity", "git: identity + signer set-up"),
    ("studio::Promoter::signerFor", "git: identity + signer set-up"),
    ("studio::GitRepository::status", "git: status (index vs HEAD, work tree, untracked)"),
    ("studio::GitRepository::resolve", "git: resolve HEAD"),
    ("studio::GitRepository::stage", "git: stage (index add + write)"),
    ("studio::GitRepository::commit", "git: commit (tree + commit objects, HEAD, reflog)"),
    ("studio::GitRepository::currentBranch", "git: push to origin"),
    ("studio::GitRepository::push", "git: push to origin"),
    ("_dl_start", LOADER), ("_dl_relocate_object", LOADER), ("_dl_map_object", LOADER), ("_dl_fixup", LOADER),
    ("_dl_runtime_resolve", LOADER), ("do_lookup_x", LOADER), ("check_match", LOADER),
    ("call_init", "start-up: static initialisers"), ("_dl_init", "start-up: static initialisers"),
    ("load_elf_binary", "start-up: kernel execve"), ("__x64_sys_execve", "start-up: kernel execve"),
    ("_dl_fini", "exit"), ("__run_exit_handlers", "exit"), ("do_exit", "exit"), ("exit_mmap", "exit"),
]
EXACT = {"main": "main: QCoreApplication, arguments, output (outside the phases above)"}
CROSS = [
    ("ext4 inode allocation (find_inode_bit: scans past recently deleted inodes)", "find_inode_bit"),
    ("page faults", "exc_page_fault"),
    ("mbedTLS (certificate parsing)", "mbedtls_"),
]


def classify(frames):
    for name in frames:
        if name in EXACT:
            return EXACT[name]
        for marker, phase in MARKERS:
            if marker in name:
                return phase
    if frames and frames[0] in ("strcmp", "do_lookup_x", "check_match"):
        return LOADER
    return "other (kernel work without a user stack, unresolved frames)"


def main():
    hz = float(sys.argv[1]) if len(sys.argv) > 1 else 10000.0
    phases = collections.Counter()
    cross = collections.Counter()
    pids = set()
    frames = None

    def flush():
        if frames is None:
            return
        phases[classify(frames)] += 1
        for label, needle in CROSS:
            if any(needle in f for f in frames):
                cross[label] += 1

    for line in sys.stdin:
        if not line.strip():
            continue
        if line[0] not in " \t":
            flush()
            frames = []
            m = re.match(r"\S.*?\s+(\d+)/\d+\s", line)
            if m:
                pids.add(m.group(1))
            continue
        parts = line.split(None, 1)
        frames.append(parts[1].strip() if len(parts) > 1 else parts[0])
    flush()
    total = sum(phases.values())
    runs = max(len(pids), 1)
    if total == 0:
        print("no samples (is the comm name right? perf truncates it to 15 characters)")
        return 1
    per_run = lambda c: c / hz / runs * 1000
    print(f"  {runs} processes, {total} samples at {hz:.0f} Hz = {per_run(total):.1f} ms CPU per run")
    for phase, c in sorted(phases.items(), key=lambda kv: -kv[1]):
        print(f"  {per_run(c):7.2f} ms {100 * c / total:5.1f}%  {phase}")
    print("  across the phases:")
    for label, _ in CROSS:
        c = cross[label]
        print(f"  {per_run(c):7.2f} ms {100 * c / total:5.1f}%  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
