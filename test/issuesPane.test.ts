/** The pane's 校验提示: an issue shows its cell once (the engine's message starts with it) and still goes to it. */
import { FakeElement, installFakeDom } from './helpers/fakeDom';
import { renderIssues } from '../src/taskpane/issues';
import { issue } from '../src/engine/issues';

const SHEET = '部门整体支出绩效自评表';

let dom: ReturnType<typeof installFakeDom>;
beforeEach(() => (dom = installFakeDom()));
afterEach(() => dom.uninstall());

const count = (text: string, part: string): number => text.split(part).length - 1;

test('a cell issue: the address once, the whole message, a button that selects the qualified cell', () => {
  const onCell = issue('actualBlank', SHEET, 'F10');
  const onSheet = issue('titleMissing', SHEET, '');
  expect(onCell.message.startsWith('F10：')).toBe(true); // the engine's promise the pane relies on
  const host = new FakeElement('div');
  const selected: string[] = [];
  renderIssues(host as unknown as HTMLElement, [onCell, onSheet], (cell) => selected.push(cell));

  const button = host.all().find((e) => e.tagName === 'BUTTON')!;
  expect(button.getAttribute('data-cell')).toBe(`${SHEET}!F10`);
  expect(count(button.textContent, 'F10')).toBe(1);
  expect(button.textContent).toBe(`${onCell.severity}${onCell.message}`);
  for (const fn of button.listeners.get('click') ?? []) fn({});
  expect(selected).toEqual([`${SHEET}!F10`]);
  // The sheet-wide issue is not a button, and its text is the message as well.
  const items = host.all().filter((e) => e.tagName === 'LI');
  expect(items.map((li) => li.textContent)).toEqual([`${onCell.severity}${onCell.message}`, `${onSheet.severity}${onSheet.message}`]);
  expect(host.all().filter((e) => e.tagName === 'BUTTON')).toHaveLength(1);
});
