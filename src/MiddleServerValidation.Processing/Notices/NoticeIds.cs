using System.Security.Cryptography;
using System.Text;
using MiddleServerValidation.Domain;

namespace MiddleServerValidation.Processing.Notices;

/// <summary>
/// The one id function of notices: a name-based UUID (RFC 9562 version 8) of what the notice is about, so the same
/// registration and purpose always give the same id. A redelivered registration or a republished outbox row can be
/// recognised by the insurer as the notice it already has; notices of different purposes never share an id.
/// </summary>
public static class NoticeIds
{
    /// <summary>
    /// The notice of a version's decision: one per outcome (a Pending notice, then its final one). The first version's id
    /// is what it was before corrections existed; a corrected version's names its version.
    /// </summary>
    public static Guid OfDecision(string insurerNumber, string registrationId, Outcome outcome, int version = 1) => version == 1
        ? Create("notice", insurerNumber, registrationId, outcome.ToString())
        : Create("notice", insurerNumber, registrationId, outcome.ToString(), version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The notice of an operation (withdraw, answer, or one refused): one per operation key.</summary>
    public static Guid OfOperation(string insurerNumber, string registrationId, string operation, string operationKey) =>
        Create("operation-notice", insurerNumber, registrationId, operation, operationKey);

    /// <summary>A notice about a registration that is not its decision (e.g. a review outcome), named by <paramref name="purpose"/>.</summary>
    public static Guid OfPurpose(string insurerNumber, string registrationId, string purpose) =>
        Create("notice", insurerNumber, registrationId, purpose);

    /// <summary>
    /// The notice of a finding the nightly re-check raised: one per finding identity (code and conflicting records), since
    /// the registration may already have had a notice with its outcome.
    /// </summary>
    public static Guid OfRecheckFinding(string insurerNumber, string registrationId, string code, string conflictingIds) =>
        Create("reconciliation-notice", insurerNumber, registrationId, code, conflictingIds);

    private static Guid Create(params ReadOnlySpan<string> parts)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: a name-based id of our own
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
