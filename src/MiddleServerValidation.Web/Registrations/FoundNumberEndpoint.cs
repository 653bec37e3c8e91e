using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.FoundNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.Web.InsurerKeys;
using MiddleServerValidation.Web.Review.Audit;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.Web.Registrations;

/// <summary>
/// <c>POST /api/v1/registrations/{registrationId}/found-number</c>: the insurer of a record sent without a personal
/// number obtains, once, the number J-LIS's search found for its version in use (every fact the same). POST, so the
/// number is never in a URL or a cache; the answer is marked no-store; each retrieval is audited with the API key's id.
/// Another insurer's record is not found, the same as one that does not exist.
/// </summary>
internal static class FoundNumberEndpoint
{
    public static async Task<IResult> PostAsync(
        string registrationId, HttpContext http, ValidationDbContext db, PersonalNumberProtector protector, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var insurer = http.User.InsurerNumber();
        var keyId = http.User.FindFirst("api_key_id")?.Value ?? "unknown";
        var id = registrationId.Trim();
        http.Response.Headers.CacheControl = "no-store";

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.Set<StoredRegistration>().AsNoTracking()
            .Where(r => r.InsurerNumber == insurer && r.RegistrationId == id && r.RetiredAt == null)
            .OrderByDescending(r => r.Version)
            .Select(r => new { r.Id, r.Version })
            .FirstOrDefaultAsync(cancellationToken);
        var found = current is null ? null : await db.Set<FoundNumber>()
            .FromSql($"SELECT * FROM found_numbers WHERE registration_id = {current.Id} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null || found is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "見つかった個人番号はありません",
                detail: "この登録IDの現在の版には、住民基本台帳（J-LIS）の照会で見つかった個人番号がありません（他の保険者の登録は参照できません）。");
        }

        if (found.RetrievedAt is { } retrievedAt)
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "個人番号は取得済みです",
                detail: $"この登録の個人番号は {retrievedAt.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} に取得済みです。1回しか取得できません。"
                    + "個人番号を登録するには、本人に確認のうえ訂正を送ってください。");
        }

        found.RetrievedAt = clock.GetUtcNow();
        found.RetrievedBy = keyId;
        audit.Add($"insurer:{insurer}", null, AuditActions.RetrieveFoundNumber, null,
            $"保険者番号 {insurer} の登録 {id}（版 {current.Version}）で見つかった個人番号を取得（APIキー {keyId}）");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var number = protector.Decrypt(found.NumberCipher, FoundNumbers.Binding(insurer, id));
        return Results.Ok(new FoundNumberView(id, current.Version, number, found.FoundAt));
    }
}

/// <summary>The number found, given once: the only answer of the API that holds a plain personal number.</summary>
internal sealed record FoundNumberView(string RegistrationId, int Version, string PersonalNumber, DateTimeOffset FoundAt);
