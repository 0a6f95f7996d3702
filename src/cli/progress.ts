/** Folder-mode progress: a bar redrawn in place on a terminal, plain lines otherwise (logs, pipes). */
export interface Progress {
  step: (done: number, file: string, result: string) => void;
  finish: () => void;
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function clip(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    if (w + cw > width) return out + '…';
    out += ch;
    w += cw;
  }
  return out;
}

export function createProgress(total: number, write: (t: string) => void, tty: boolean, columns = 80): Progress {
  const width = 24;
  let drawn = false;
  return {
    step(done, file, result) {
      if (!tty) {
        write(`[${done}/${total}] ${file}：${result}\n`);
        return;
      }
      const filled = total ? Math.round((done / total) * width) : width;
      const head = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} `;
      const line = head + clip(file, Math.max(10, columns - displayWidth(head) - 2));
      write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    finish() {
      if (tty && drawn) write('\r\x1b[2K');
    },
  };
}
