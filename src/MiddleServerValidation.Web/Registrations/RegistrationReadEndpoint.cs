using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Operations;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Web.InsurerKeys;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.Web.Registrations;

/// <summary>
/// <c>GET /api/v1/registrations/{registrationId}</c>: the insurer's own record as it stands — its current version,
/// outcome, the reasons still open, its state (閲覧停止 or not), its versions and the operations applied to it. Another
/// insurer's record is not found, the same as one that does not exist.
/// </summary>
internal static class RegistrationReadEndpoint
{
    public static async Task<IResult> GetAsync(
        string registrationId, HttpContext http, ValidationDbContext db, PersonalNumberProtector protector, CancellationToken cancellationToken)
    {
        var insurer = http.User.InsurerNumber();
        var id = registrationId.Trim();
        var versions = await db.Set<StoredRegistration>().AsNoTracking()
            .Where(r => r.InsurerNumber == insurer && r.RegistrationId == id)
            .OrderBy(r => r.Version)
            .Select(r => new { r.Id, r.Version, r.Outcome, r.State, r.ReasonsJson, r.PersonalNumberCipher, r.DecidedAt, r.RetiredAt })
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "登録が見つかりません",
                detail: "この登録IDの登録はありません（他の保険者の登録は参照できません）。");
        }

        var current = versions[^1];
        var open = await db.Set<StoredFinding>().AsNoTracking()
            .Where(f => f.RegistrationId == current.Id && FindingStatuses.Holding.Contains(f.Status))
            .Select(f => f.Code).ToListAsync(cancellationToken);
        var operations = await db.Set<AppliedOperation>().AsNoTracking()
            .Where(o => o.InsurerNumber == insurer && o.RegistrationId == id)
            .OrderBy(o => o.ReceivedAt)
            .Select(o => new RegistrationOperationView(o.Operation, o.Outcome, o.Reason, o.ReceivedAt))
            .ToListAsync(cancellationToken);

        return Results.Ok(new RegistrationView(
            id, insurer, current.Version, current.State, current.Outcome,
            JsonSerializer.Deserialize<List<NoticeReason>>(current.ReasonsJson, StoredJson.Options) ?? [],
            open.Distinct().Select(code => new OpenReasonView(code, Enum.TryParse<ReasonCode>(code, out var c) ? ReasonCatalog.MessageOf(c) : code)).ToList(),
            Masked(current.PersonalNumberCipher, insurer, id, protector), current.DecidedAt,
            versions.Select(v => new VersionView(v.Version, v.Outcome, v.State, v.DecidedAt, v.RetiredAt)).ToList(),
            operations));
    }

    private static string? Masked(byte[]? cipher, string insurer, string registrationId, PersonalNumberProtector protector) =>
        cipher is not null && PersonalNumber.Parse(protector.Decrypt(cipher, PersonalDataBinding.Registration(insurer, registrationId))) is { IsValid: true } number
            ? number.Value.Masked
            : null;
}

/// <summary>A record as its insurer reads it; personal data only as the masked number.</summary>
internal sealed record RegistrationView(
    string RegistrationId, string InsurerNumber, int Version, string State, string Outcome, IReadOnlyList<NoticeReason> Reasons,
    IReadOnlyList<OpenReasonView> OpenReasons, string? PersonalNumberMasked, DateTimeOffset DecidedAt,
    IReadOnlyList<VersionView> Versions, IReadOnlyList<RegistrationOperationView> Operations);

/// <summary>Why the record is held: a finding still open.</summary>
internal sealed record OpenReasonView(string Code, string Message);

internal sealed record VersionView(int Version, string Outcome, string State, DateTimeOffset DecidedAt, DateTimeOffset? RetiredAt);

internal sealed record RegistrationOperationView(string Operation, string Outcome, string? Reason, DateTimeOffset ReceivedAt);
