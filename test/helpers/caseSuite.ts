/**
 * One suite for a table through one door: the door runs once (beforeAll), then each rule is its own test so that
 * a failure names the rule. Used by the real tables and by our national-form layouts alike.
 */
import type { Door, DoorRun } from './doors';
import type { TableCase } from './layoutCases';
import { issueProblems, nothingLostProblems, reportedProblems, secondRunProblems, sheetProblems } from './tableAssertions';

/**
 * Runs the door once for the enclosing describe (beforeAll) and returns a getter for its run; a failed run fails
 * each test that asks for it, with the door's own error.
 */
export function runOnce(t: TableCase, door: Door): () => DoorRun {
  let run: DoorRun | null = null;
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      run = await door.run(t.file);
    } catch (e) {
      failure = e;
    }
  });
  return (): DoorRun => {
    if (failure) throw failure;
    return run!;
  };
}

export function describeTableThroughDoor(t: TableCase, door: Door): void {
  describe(`${t.name} through the ${door.name}`, () => {
    const got = runOnce(t, door);

    test(`reports its expected figures (year ${t.expected.year}, budget rate, budget score, rows, total, grade)`, () => {
      expect(reportedProblems(got(), t)).toEqual([]);
    });
    test('writes those figures into the rate, 得分, total and grade cells', () => {
      expect(sheetProblems(got(), t)).toEqual([]);
    });
    test('nothing the user filled changes, on any sheet; only empty output cells are written', () => {
      expect(nothingLostProblems(got(), t)).toEqual([]);
    });
    test('no 错误; template rows give at most one 提示; the weight sum and the money block are flagged as the spec says', () => {
      expect(issueProblems(got(), t)).toEqual([]);
    });
    test('a second calculation changes nothing', () => {
      expect(secondRunProblems(got())).toEqual([]);
    });
  });
}
