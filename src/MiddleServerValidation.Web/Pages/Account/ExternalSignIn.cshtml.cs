using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Web.Review.Authentication;

namespace MiddleServerValidation.Web.Pages.Account;

/// <summary>Starts the OpenID Connect sign-in; a page of its own, as the sign-in page's forms only post locally.</summary>
public sealed class ExternalSignInModel(IOptions<StaffOidcOptions> oidc) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!oidc.Value.Enabled)
        {
            return NotFound();
        }

        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/Cases";
        return Challenge(new AuthenticationProperties { RedirectUri = target }, StaffOidc.Scheme);
    }
}
