/* global process, module */
/**
 * Prints the plain closing line CI reads to know tests ran: "jest: N passed, N failed, N skipped".
 * Jest's own summary says the same in a form CI does not parse.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
