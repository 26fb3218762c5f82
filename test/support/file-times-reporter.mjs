// A test reporter for measuring the suite: for each test file, the summed duration of its top-level tests and
// suites (they run one after another in the file's process), written as "seconds<TAB>file" lines, slowest first.
// scripts/run-tests.mjs adds it when LANTERN_TEST_FILE_TIMES names the file to write.
export default async function* fileTimes(source) {
  const times = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      // A suite declared by a shared helper (describeEachEngine in test/support/) is named, not lumped with the rest.
      const where = event.data.file.includes('/test/support/')
        ? `${event.data.file} › ${event.data.name}`
        : event.data.file;
      times.set(where, (times.get(where) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const lines = [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([file, ms]) => `${(ms / 1000).toFixed(1)}\t${file}`);
  yield lines.join('\n') + '\n';
}
