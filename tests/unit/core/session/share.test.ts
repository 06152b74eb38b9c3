import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle } from '../../../../src/core/cli/result.ts';
import { type Scenario, Session } from '../../../../src/core/session/session.ts';
import { checkSnapshot, decodeShare, encodeShare, MAX_LINK_LENGTH } from '../../../../src/core/session/share.ts';
import { DEFAULT_START } from '../../../../src/core/sim/engine.ts';

const scenario: Scenario = { id: 'empty', seed: 1, setup: [], files: { 'taskdef.json': '{}' } };
const SCENARIOS = ['empty'];

function sessionWith(...lines: string[]) {
  const session = Session.start(scenario);
  for (const line of lines) settle(session.run(line), (s) => session.advance(s));
  return session;
}

describe('share links', () => {
  it('round-trip a session, including non-ASCII text', () => {
    const session = sessionWith('aws ecs create-cluster --cluster-name café', 'sleep 30', 'echo ✓');
    const decoded = decodeShare(encodeShare(session.snapshot()), SCENARIOS, DEFAULT_START);
    expect(decoded).toEqual({ ok: true, snapshot: session.snapshot() });
  });

  it('refuse damaged, oversized and foreign links with a reason', () => {
    const good = encodeShare(sessionWith('echo hi').snapshot());
    expect(decodeShare(`${good}%E0%A4%A`, SCENARIOS, DEFAULT_START)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('damaged'),
    });
    expect(decodeShare(`${good}<script>`, SCENARIOS, DEFAULT_START)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not readable'),
    });
    expect(decodeShare('a'.repeat(MAX_LINK_LENGTH + 1), SCENARIOS, DEFAULT_START)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('longer'),
    });
    expect(decodeShare(good, ['other'], DEFAULT_START)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('scenario'),
    });
    expect(
      decodeShare(encodeShare({ ...sessionWith().snapshot(), version: 2 as 1 }), SCENARIOS, DEFAULT_START),
    ).toMatchObject({ ok: false });
  });

  it('refuse command lines with control characters, times out of order and bad file names', () => {
    const base = sessionWith('echo a', 'echo b').snapshot();
    const check = (change: object) => checkSnapshot({ ...base, ...change }, SCENARIOS, DEFAULT_START);
    expect(check({ log: [{ at: DEFAULT_START, line: 'echo \u001b[2J' }] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('control'),
    });
    expect(
      check({
        log: [
          { at: DEFAULT_START + 5, line: 'a' },
          { at: DEFAULT_START, line: 'b' },
        ],
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('out of order') });
    expect(check({ files: { '../etc/passwd': 'x' } })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('file name'),
    });
    expect(check({ position: 5 })).toMatchObject({ ok: false });
    expect(check({ log: 'nope' })).toMatchObject({ ok: false });
  });

  it('never throw and never accept garbage (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (payload) => {
        const result = decodeShare(payload, SCENARIOS, DEFAULT_START);
        if (result.ok) expect(result.snapshot.version).toBe(1);
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => checkSnapshot(value, SCENARIOS, DEFAULT_START)).not.toThrow();
      }),
    );
  });
});
