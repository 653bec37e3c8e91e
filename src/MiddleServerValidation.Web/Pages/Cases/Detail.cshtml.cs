using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Authentication;
using MiddleServerValidation.Web.Review.Cases;

namespace MiddleServerValidation.Web.Pages.Cases;

public sealed class DetailModel(CaseDetails details, CaseDecisions decisions, CaseNumbers numbers, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public CaseDetail Case { get; private set; } = null!;

    public string? Error { get; private set; }

    /// <summary>The plain personal number, on the one response to an audited Supervisor request.</summary>
    public string? Unmasked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await ShowAsync(AuditActions.ViewCase, "案件を閲覧", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) =>
        DecideAsync(decisions.ConfirmAsync(Id, Form.ExpectedStatus, Form.Note, User, cancellationToken),
            "誤りを確定しました。保険者へ訂正依頼の通知を送信します。", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken) =>
        DecideAsync(decisions.DismissAsync(Id, Form.ExpectedStatus, Form.Category, Form.Reason, User, cancellationToken),
            "理由付き疑いなしとしました。同じ登録の組み合わせで同じ疑いは再び挙がりません。", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        DecideAsync(decisions.ReopenAsync(Id, Form.ExpectedStatus, Form.Reason, User, cancellationToken),
            "案件を再開しました。", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        DecideAsync(decisions.AssignToMeAsync(Id, Form.ExpectedStatus, User, cancellationToken),
            "あなたを担当者にしました。", cancellationToken);

    public async Task<IActionResult> OnPostUnmaskAsync(CancellationToken cancellationToken)
    {
        if (!User.IsSupervisor())
        {
            var refused = await ShowAsync(AuditActions.UnmaskDenied, "個人番号のマスク解除を試みたが、監督者の役割がないため拒否", cancellationToken);
            if (refused is PageResult)
            {
                Error = "個人番号のマスク解除は監督者だけが行えます。この操作は監査ログに記録されました。";
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return refused;
        }

        var shown = await ShowAsync(AuditActions.Unmask, "個人番号のマスクを解除して表示", cancellationToken);
        if (shown is PageResult)
        {
            Unmasked = numbers.Unmasked(Case.Registration);
        }

        return shown;
    }

    private async Task<IActionResult> DecideAsync(Task<string?> decision, string done, CancellationToken cancellationToken)
    {
        var error = await decision;
        if (error is null)
        {
            Done = done;
            return RedirectToPage(new { id = Id });
        }

        var page = await ShowAsync(AuditActions.ViewCase, "案件を閲覧（操作エラーの表示）", cancellationToken);
        Error = error;
        if (page is PageResult)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return page;
    }

    // Every showing of a case is audited, whatever brought it on screen.
    private async Task<IActionResult> ShowAsync(string action, string description, CancellationToken cancellationToken)
    {
        var found = await details.ReadAsync(Id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        await audit.WriteAsync(User, action, Id,
            $"{description}（保険者 {found.Finding.InsurerNumber}、登録ID {found.Registration.RegistrationId}）", cancellationToken);
        return Page();
    }
}

/// <summary>The fields of the decision forms; each form posts the ones it has.</summary>
public sealed class DecisionForm
{
    /// <summary>The status the page showed: a decision on a case someone else changed meanwhile is refused.</summary>
    public string ExpectedStatus { get; set; } = "";

    public string? Note { get; set; }
    public string? Category { get; set; }
    public string? Reason { get; set; }
}
