using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Web.Review.Authentication;

namespace MiddleServerValidation.Web.Pages.Account;

public sealed class SignInModel(StaffSignIn signIn, IOptions<StaffOidcOptions> oidc) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public string? ExternalLabel => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public IActionResult OnGet(string? error)
    {
        if (User.StaffRole() is not null)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        Message = error switch
        {
            "external" => "外部認証に失敗しました。もう一度お試しください。",
            "role" => "このアカウントには審査コンソールを使う役割がありません。管理者に連絡してください。",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Message = "ユーザー名とパスワードを入力してください。";
            return Page();
        }

        Message = await signIn.SignInAsync(HttpContext, UserName, Password, cancellationToken);
        Password = "";
        return Message is null ? LocalRedirect(SafeReturnUrl()) : Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Cases";
}
