using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Staff;
using Npgsql;

namespace MiddleServerValidation.Staff;

/// <summary>Creating, listing, disabling and checking local staff accounts (CLI and console share this).</summary>
public sealed class StaffAccounts(ValidationDbContext db, TimeProvider clock)
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const int MaxUserNameLength = 64;

    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    // Checked against when the user name is unknown, so that the answer takes as long as for a known one.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not a password of anyone");

    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>A Japanese message saying what is wrong with the name, or null when it is usable.</summary>
    public static string? ProblemWithUserName(string userName)
    {
        var name = NormalizeUserName(userName);
        if (name.Length == 0 || name.Length > MaxUserNameLength)
        {
            return $"ユーザー名は1〜{MaxUserNameLength}文字で指定してください。";
        }

        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@')
            ? null
            : "ユーザー名に使える文字は英数字と「. _ - @」だけです。";
    }

    public static string? ProblemWithPassword(string password) =>
        password.Length < MinPasswordLength || password.Length > MaxPasswordLength
            ? $"パスワードは{MinPasswordLength}〜{MaxPasswordLength}文字で指定してください。"
            : null;

    /// <exception cref="StaffAccountException">The name, role or password is not usable, or the name is taken.</exception>
    public async Task<StaffAccount> AddAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        var problem = ProblemWithUserName(userName) ?? ProblemWithPassword(password);
        if (problem is not null)
        {
            throw new StaffAccountException(problem);
        }

        var account = new StaffAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = NormalizeUserName(userName),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? NormalizeUserName(userName) : displayName.Trim(),
            Role = StaffRoles.Parse(role) ?? throw new StaffAccountException("役割は Reviewer または Supervisor を指定してください。"),
            PasswordHash = "",
            CreatedAt = clock.GetUtcNow(),
        };
        if (await db.Set<StaffAccount>().AnyAsync(a => a.UserName == account.UserName, cancellationToken))
        {
            throw new StaffAccountException($"ユーザー名「{account.UserName}」は既に使われています。");
        }

        account.PasswordHash = Hasher.HashPassword(account, password);
        db.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Created by someone else between the check and the insert.
            throw new StaffAccountException($"ユーザー名「{account.UserName}」は既に使われています。");
        }

        return account;
    }

    public Task<List<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<StaffAccount>().AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);

    /// <summary>Disables the account (kept, never deleted: the audit log names it). False when there is no such account.</summary>
    public async Task<bool> DisableAsync(string userName, CancellationToken cancellationToken)
    {
        var name = NormalizeUserName(userName);
        var account = await db.Set<StaffAccount>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            return false;
        }

        account.DisabledAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The enabled account whose password this is, or null (unknown name, wrong password, disabled).</summary>
    public async Task<StaffAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var name = NormalizeUserName(userName);
        var account = await db.Set<StaffAccount>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || account.DisabledAt is not null)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // A hash from weaker defaults is upgraded while the password is at hand.
            account.PasswordHash = Hasher.HashPassword(account, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return account;
    }

    /// <summary>The enabled account of this name, or null; used to re-check a signed-in session.</summary>
    public Task<StaffAccount?> FindEnabledAsync(string userName, CancellationToken cancellationToken)
    {
        var name = NormalizeUserName(userName);
        return db.Set<StaffAccount>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.UserName == name && a.DisabledAt == null, cancellationToken);
    }
}

/// <summary>A staff-account request that cannot be done; the message is Japanese, for the operator.</summary>
public sealed class StaffAccountException(string message) : Exception(message);
