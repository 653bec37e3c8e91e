using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Staff;
using Npgsql;

namespace MiddleServerValidation.Staff;

/// <summary>Creating, listing, disabling, changing the role of and checking local staff accounts (CLI and console share this).</summary>
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

    /// <summary>
    /// Disables the account (kept, never deleted: the audit log names it) and ends its open sessions for good.
    /// False when there is no such account.
    /// </summary>
    public async Task<bool> DisableAsync(string userName, CancellationToken cancellationToken)
    {
        var name = NormalizeUserName(userName);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Set<StaffAccount>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            return false;
        }

        account.DisabledAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await new StaffSessions(db, clock).EndAllAsync(name, SessionEndReasons.AccountDisabled, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives the account another role and ends its open sessions: the role is granted at the next sign-in.</summary>
    /// <exception cref="StaffAccountException">The role is not a console role.</exception>
    public async Task<RoleChange> ChangeRoleAsync(string userName, string role, CancellationToken cancellationToken)
    {
        var newRole = StaffRoles.Parse(role) ?? throw new StaffAccountException("役割は Reviewer または Supervisor を指定してください。");
        var name = NormalizeUserName(userName);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Set<StaffAccount>().SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            return RoleChange.NoSuchAccount;
        }

        if (account.Role == newRole)
        {
            return RoleChange.Unchanged;
        }

        account.Role = newRole;
        await db.SaveChangesAsync(cancellationToken);
        await new StaffSessions(db, clock).EndAllAsync(name, SessionEndReasons.RoleChanged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoleChange.Changed;
    }

    /// <summary>Whether an account (enabled or not) has this name.</summary>
    public Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken)
    {
        var name = NormalizeUserName(userName);
        return db.Set<StaffAccount>().AnyAsync(a => a.UserName == name, cancellationToken);
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
}

public enum RoleChange
{
    Changed,
    Unchanged,
    NoSuchAccount,
}

/// <summary>A staff-account request that cannot be done; the message is Japanese, for the operator.</summary>
public sealed class StaffAccountException(string message) : Exception(message);
