using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Authentication;

namespace MiddleServerValidation.Web.Pages.Account;

public sealed class SignOutModel(AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.WriteAsync(User, AuditActions.SignOut, null, "サインアウト", cancellationToken);
        // Also ends the session's record (StaffSessionEvents): the cookie, if kept or copied, opens nothing more.
        await HttpContext.SignOutAsync(StaffAuthentication.CookieScheme);
        return RedirectToPage("/Account/SignIn");
    }
}
