using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Authentication;
using MiddleServerValidation.Web.Review.Display;
using MiddleServerValidation.Processing.Findings;
using MiddleServerValidation.Processing.States;
using Npgsql;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// The decisions on a case. Each one locks the finding, checks it is still in the state the member of staff saw,
/// changes <c>findings.status</c>, and writes the case event, the audit entry, (on confirmation) the insurer's notice
/// and the registration's new state in the same transaction. Nothing is deleted: a reopening lifts suppressions, it does not remove them.
/// </summary>
public sealed class CaseDecisions(ValidationDbContext db, AuditLog audit, ReviewNotices notices, RegistrationStateRefresh states, TimeProvider clock)
{
    /// <summary>Null when done; otherwise the Japanese message to show.</summary>
    public Task<string?> ConfirmAsync(Guid findingId, string expectedStatus, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var remark = StaffNote.Clean(note);
        if (remark.Length > StaffNote.MaxLength)
        {
            return Task.FromResult<string?>(TooLong);
        }

        return DecideAsync(findingId, expectedStatus, cancellationToken, async (finding, now) =>
        {
            if (finding.Status != FindingStatuses.Open)
            {
                return "誤り確定にできるのは未処理の案件だけです。";
            }

            var noticeId = await notices.AddConfirmedAsync(finding, now, cancellationToken);
            Record(finding, CaseEventKinds.Confirmed, FindingStatuses.Confirmed, user, now, null, remark, noticeId);
            audit.Add(user, AuditActions.Confirm, finding.Id,
                $"誤り確定。保険者へ訂正依頼を通知（通知ID {noticeId}）。{Remark(remark)}");
            return null;
        });
    }

    public Task<string?> DismissAsync(
        Guid findingId, string expectedStatus, string? category, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = StaffNote.Clean(reason);
        if (!DismissalReasons.IsKnown(category))
        {
            return Task.FromResult<string?>("疑いなしの理由区分を選んでください。");
        }

        if (text.Length == 0)
        {
            return Task.FromResult<string?>("疑いなしとする理由を入力してください（例：本人確認書類で双子であることを確認）。");
        }

        if (text.Length > StaffNote.MaxLength)
        {
            return Task.FromResult<string?>(TooLong);
        }

        return DecideAsync(findingId, expectedStatus, cancellationToken, async (finding, now) =>
        {
            if (finding.Status != FindingStatuses.Open)
            {
                return "理由付き疑いなしにできるのは未処理の案件だけです。";
            }

            Record(finding, CaseEventKinds.Dismissed, FindingStatuses.Dismissed, user, now, category, text, null);
            await FindingSuppressions.AddAsync(db, finding, category!, text, user.UserName(), now, cancellationToken);
            audit.Add(user, AuditActions.Dismiss, finding.Id, $"理由付き疑いなし。区分：{DismissalReasons.Label(category)}。理由：{text}");
            return null;
        });
    }

    public Task<string?> ReopenAsync(Guid findingId, string expectedStatus, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = StaffNote.Clean(reason);
        if (text.Length == 0)
        {
            return Task.FromResult<string?>("再開する理由を入力してください。");
        }

        if (text.Length > StaffNote.MaxLength)
        {
            return Task.FromResult<string?>(TooLong);
        }

        return DecideAsync(findingId, expectedStatus, cancellationToken, async (finding, now) =>
        {
            if (finding.Status == FindingStatuses.Open)
            {
                return "この案件は既に未処理です。";
            }

            if (finding.Status is FindingStatuses.Corrected or FindingStatuses.Withdrawn)
            {
                return "保険者の訂正・削除で解消した案件は再開できません（訂正後の登録は新しい版として照合されています）。";
            }

            var before = finding.Status;
            Record(finding, CaseEventKinds.Reopened, FindingStatuses.Open, user, now, null, text, null);
            await FindingSuppressions.LiftAsync(db, finding.Id, user.UserName(), now, cancellationToken);
            audit.Add(user, AuditActions.Reopen, finding.Id, $"再開（{Labels.Status(before)}から）。理由：{text}");
            return null;
        });
    }

    public Task<string?> AssignToMeAsync(Guid findingId, string expectedStatus, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        DecideAsync(findingId, expectedStatus, cancellationToken, async (finding, now) =>
        {
            var assignment = await db.Set<CaseAssignment>().SingleOrDefaultAsync(a => a.FindingId == finding.Id, cancellationToken);
            if (assignment?.Assignee == user.UserName())
            {
                return null;
            }

            var previous = assignment?.Assignee;
            if (assignment is null)
            {
                db.Add(new CaseAssignment { FindingId = finding.Id, Assignee = user.UserName(), AssignedAt = now });
            }
            else
            {
                assignment.Assignee = user.UserName();
                assignment.AssignedAt = now;
            }

            var note = previous is null ? "担当者なしから設定" : $"{previous} から変更";
            Record(finding, CaseEventKinds.Assigned, finding.Status, user, now, null, note, null);
            audit.Add(user, AuditActions.Assign, finding.Id, $"自分を担当者に設定（{note}）");
            return null;
        });

    private const string TooLong = "入力は2000文字以内にしてください。";

    private static string Remark(string remark) => remark.Length == 0 ? "" : $"備考：{remark}";

    private async Task<string?> DecideAsync(
        Guid findingId, string expectedStatus, CancellationToken cancellationToken,
        Func<StoredFinding, DateTimeOffset, Task<string?>> decide)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var finding = await db.Set<StoredFinding>()
            .FromSql($"SELECT * FROM findings WHERE id = {findingId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (finding is null)
        {
            return "案件が見つかりません。";
        }

        if (finding.Status != expectedStatus)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"この案件は他の担当者によって既に更新されています（現在の状態：{Labels.Status(finding.Status)}）。内容を確認してから、もう一度操作してください。");
        }

        var now = clock.GetUtcNow();
        var error = await decide(finding, now);
        if (error is not null)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        // Dismissing the last open finding releases the record (閲覧停止 lifted); reopening one holds it again.
        await states.RefreshAsync((NpgsqlConnection)db.Database.GetDbConnection(), finding.RegistrationId, StateEvents.Causes.Reviewed, now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private void Record(
        StoredFinding finding, string kind, string statusAfter, ClaimsPrincipal user, DateTimeOffset now,
        string? category, string? note, Guid? noticeId)
    {
        db.Add(new CaseEvent
        {
            FindingId = finding.Id,
            Kind = kind,
            Actor = user.UserName(),
            OccurredAt = now,
            StatusBefore = finding.Status,
            StatusAfter = statusAfter,
            ReasonCategory = category,
            Note = string.IsNullOrEmpty(note) ? null : note,
            NoticeId = noticeId,
        });
        finding.Status = statusAfter;
        finding.ClosedAt = FindingStatuses.IsClosed(statusAfter) ? now : null;
    }
}
