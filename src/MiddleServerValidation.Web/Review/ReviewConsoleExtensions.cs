using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Authentication;
using MiddleServerValidation.Web.Review.Cases;
using MiddleServerValidation.Web.Review.KeyRing;

namespace MiddleServerValidation.Web.Review;

public static class ReviewConsoleExtensions
{
    /// <summary>
    /// The review console for operations staff: Razor Pages under <c>Pages/</c>, staff sign-in (the host's default
    /// scheme and fallback policy), and the services the pages use. Needs <c>AddPersistence</c>.
    /// </summary>
    public static WebApplicationBuilder AddReviewConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.AddStaffAccounts();
        builder.AddStaffAuthentication();

        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/ExternalSignIn");
            options.Conventions.AuthorizeFolder("/Audit", StaffAuthentication.SupervisorPolicy);
            options.Conventions.ConfigureFilter(new ConsoleResponseHeaders());
        });
        // Japanese as written, not as &#x...; entities: the pages stay readable and half the size.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "msv.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.AddOptions<AntiforgeryOptions>().Configure<IOptions<ConsoleOptions>>((antiforgery, console) =>
            antiforgery.Cookie.SecurePolicy = console.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        builder.AddConsoleKeyRing();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditQuery>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<SignInAudit>();
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.AddScoped<CaseQueue>();
        builder.Services.AddScoped<CaseDetails>();
        builder.Services.AddScoped<CaseDecisions>();
        builder.Services.AddScoped<ReviewNotices>();
        builder.Services.TryAddSingleton<Processing.States.RegistrationStateRefresh>();
        builder.Services.AddSingleton<CaseNumbers>();
        return builder;
    }

    public static WebApplication MapReviewConsole(this WebApplication app)
    {
        app.UseConsoleErrorPage();
        app.MapRazorPages();
        app.MapGet("/", () => Results.Redirect("/Cases"));
        app.MapGet("/console.css", ConsoleStylesheet.Serve).AllowAnonymous();
        return app;
    }
}
