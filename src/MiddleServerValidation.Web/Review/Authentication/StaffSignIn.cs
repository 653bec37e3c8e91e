using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// Signs a member of staff in with a local account: throttle, password check, audit (a failure through
/// <see cref="SignInAudit"/>) and the attempt's record in one transaction under the throttle's locks, then the cookie.
/// </summary>
public sealed class StaffSignIn(
    ValidationDbContext db, StaffAccounts accounts, SignInThrottle throttle, SignInAudit failures, AuditLog audit, TimeProvider clock)
{
    /// <summary>Null when signed in; otherwise the Japanese message to show.</summary>
    public async Task<string?> SignInAsync(HttpContext http, string userName, string password, CancellationToken cancellationToken)
    {
        var name = StaffAccounts.NormalizeUserName(userName);
        if (name.Length > StaffAccounts.MaxUserNameLength)
        {
            name = name[..StaffAccounts.MaxUserNameLength];
        }

        var client = http.Connection.RemoteIpAddress?.ToString();
        StaffAccount? account;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await throttle.LockAsync(name, client, cancellationToken);
            if (await throttle.RefusedUntilAsync(name, client, cancellationToken) is { } until)
            {
                throttle.Record(name, client, SignInResults.Throttled);
                await failures.AddFailureAsync(await failures.ActorAsync(name, cancellationToken), AuditActions.SignInThrottled,
                    "連続失敗によりサインインを停止中", client, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
                return string.Create(CultureInfo.InvariantCulture,
                    $"サインインの失敗が続いたため、一時的にサインインを停止しています。{minutes}分後（{JapanTime.TimeOfDay(until)}以降）にもう一度お試しください。");
            }

            account = await accounts.VerifyAsync(name, password, cancellationToken);
            if (account is null)
            {
                throttle.Record(name, client, SignInResults.Failed);
                await failures.AddFailureAsync(await failures.ActorAsync(name, cancellationToken), AuditActions.SignInFailed,
                    "ユーザー名またはパスワードの誤り、または無効なアカウント", client, cancellationToken);
            }
            else
            {
                throttle.Record(name, client, SignInResults.Succeeded);
                audit.Add(account.UserName, account.Role, AuditActions.SignIn, null, "ローカルアカウント");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (account is null)
        {
            return "ユーザー名またはパスワードが正しくありません。";
        }

        // After the commit: the cookie scheme starts the session in a transaction of its own.
        await http.SignInAsync(StaffAuthentication.CookieScheme,
            StaffClaims.Principal(account.UserName, account.DisplayName, account.Role, StaffClaims.LocalMethod));
        return null;
    }
}
