// Child process for the crash test: writes reviews in a loop until it is killed (kill -9).
// Prints "n" after each committed write so the parent knows how far it got.
import { LibraryStore } from '../../../electron/core/library/library-store';
import { RecordsService } from '../../../electron/core/records/records-service';

const [dir, holidays] = process.argv.slice(2);
const store = await LibraryStore.open(dir!);
const svc = await RecordsService.open(store, { actor: 'crash-writer', holidaysFile: holidays! });
for (let i = 0; ; i++) {
  const { record } = await svc.createReview({
    type: '规范性文件',
    title: `崩溃测试 ${process.pid}-${i}`,
    leadUnit: '办公室',
    receivedDate: '2020-05-06',
    findings: { content: { text: '依照《行政许可法》第十七条，其他规范性文件一律不得设定行政许可。' } },
    notes: 'x'.repeat(2000),
  }, { linkDetected: true });
  await svc.updateReview(record.id, { status: '审查中' });
  process.stdout.write(`${i}\n`);
}
