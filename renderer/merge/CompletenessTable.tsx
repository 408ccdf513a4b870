// Who has reported this year: the reporting rate, then every child (reported, draft, missing) and the
// departments that supplied their items.
import type { ChildStatus, Overview, ReviewState } from '../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { localDate, localDateTime } from '../../shared/returns/dates.ts';
import { reviewTagText } from './review-tag.ts';

const T = MESSAGES.merge.page;
const R = MESSAGES.merge.review;

/** 已退回 / 审核通过 of the version in use (a newer version starts without a review). */
function ReviewTag({ review }: { review: ReviewState | null | undefined }) {
  if (!review) return null;
  return (
    <span className={`status state-${review.decision}`} title={review.overall} data-testid="review-tag">
      {reviewTagText(review)}
    </span>
  );
}

export function CompletenessTable({
  overview,
  onSendBack,
  onAccept,
  onReceipt,
}: {
  overview: Overview;
  onSendBack?: (child: ChildStatus) => void;
  onAccept?: (child: ChildStatus) => void;
  onReceipt?: (child: ChildStatus) => void;
}) {
  return (
    <div data-testid="completeness">
      <table className="grid completeness">
        <thead>
          <tr>
            <th>{T.code}</th>
            <th>{T.region}</th>
            <th>{T.state}</th>
            <th>{T.reportedOn}</th>
            <th>{T.file}</th>
            <th>{T.receivedAt}</th>
            <th className="c-num">{T.versions}</th>
            <th>{R.reviewColumn}</th>
          </tr>
        </thead>
        <tbody>
          {overview.children.map((x) => (
            <tr
              key={x.code}
              data-state={x.state}
              data-region={x.code}
              data-review={x.submission?.review?.decision ?? ''}
            >
              <td className="code">{x.code}</td>
              <td>
                {x.name}
                {!x.listed && <span className="tag warn">{MESSAGES.app.common.outsideRegionTable}</span>}
              </td>
              <td>
                <span className={`status state-${x.state}`}>{MESSAGES.merge.state[x.state]}</span>
              </td>
              <td>{localDate(x.submission?.reportedOn)}</td>
              <td className="file-name">{x.submission?.fileName ?? (x.source === 'local' ? T.local : '')}</td>
              <td>{localDateTime(x.submission?.receivedAt)}</td>
              <td className="c-num">{x.versions > 1 ? x.versions : ''}</td>
              <td>
                <div className="review-actions">
                  <ReviewTag review={x.submission?.review} />
                  {x.submission && onSendBack && (
                    <button type="button" className="link" onClick={() => onSendBack(x)}>
                      {R.open}
                    </button>
                  )}
                  {x.submission && onAccept && x.submission.review?.decision !== 'accepted' && (
                    <button type="button" className="link" onClick={() => onAccept(x)}>
                      {R.accept}
                    </button>
                  )}
                  {x.submission?.review && onReceipt && (
                    <button type="button" className="link" onClick={() => onReceipt(x)}>
                      {MESSAGES.merge.receipt.export}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overview.departments.length > 0 && (
        <>
          <h2>{overview.office.level === 'city' ? T.departmentsCity : T.departments}</h2>
          <table className="grid departments" data-testid="departments">
            <thead>
              <tr>
                <th>{T.department}</th>
                <th className="c-num">{T.items}</th>
                <th>{T.state}</th>
                <th>{T.reportedOn}</th>
                <th>{T.file}</th>
              </tr>
            </thead>
            <tbody>
              {overview.departments.map((d) => (
                <tr key={d.department}>
                  <td>{d.name}</td>
                  <td className="c-num">{d.items}</td>
                  <td>
                    {d.submission ? (
                      <span className={`status state-${d.state}`}>{MESSAGES.merge.state[d.state]}</span>
                    ) : (
                      <span className="muted">{T.noDepartmentReturn}</span>
                    )}
                  </td>
                  <td>{localDate(d.submission?.reportedOn)}</td>
                  <td className="file-name">{d.submission?.fileName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
