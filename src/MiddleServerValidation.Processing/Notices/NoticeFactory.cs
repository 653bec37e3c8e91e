using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;

namespace MiddleServerValidation.Processing.Notices;

/// <summary>Builds the notice an insurer receives about its own record.</summary>
public static class NoticeFactory
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RegistrationNotice Create(
        string insurerNumber, string registrationId, string? batchId, Outcome outcome,
        IReadOnlyList<Reason> reasons, string? personalNumberMasked, DateTimeOffset issuedAt) => new()
    {
        NoticeId = NoticeIdOf(insurerNumber, registrationId, outcome),
        RegistrationId = registrationId,
        BatchId = batchId,
        InsurerNumber = insurerNumber,
        Outcome = outcome.ToString(),
        Reasons = reasons.Select(ToNoticeReason).ToArray(),
        PersonalNumberMasked = personalNumberMasked,
        IssuedAt = issuedAt,
    };

    public static NoticeReason ToNoticeReason(Reason reason) =>
        new() { Code = reason.Code.ToString(), Field = reason.Field, Message = reason.Message };

    /// <summary>
    /// Same registration and outcome, same id: a redelivered registration or a republished
    /// outbox row can be recognised by the insurer as the notice it already has.
    /// </summary>
    public static Guid NoticeIdOf(string insurerNumber, string registrationId, Outcome outcome) =>
        NoticeIdOf(insurerNumber, registrationId, outcome.ToString());

    /// <summary>
    /// The id of a notice about a registration that is not its decision (e.g. a review outcome), named by
    /// <paramref name="purpose"/>: deterministic too, and never equal to the decision notice's id.
    /// </summary>
    public static Guid NoticeIdOf(string insurerNumber, string registrationId, string purpose)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"notice\n{insurerNumber}\n{registrationId}\n{purpose}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: a name-based id of our own
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static string ToJson(RegistrationNotice notice) => JsonSerializer.Serialize(notice, Json);

    public static RegistrationNotice FromJson(string json) =>
        JsonSerializer.Deserialize<RegistrationNotice>(json, Json) ?? throw new JsonException("Empty notice payload.");
}
