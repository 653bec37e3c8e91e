using MiddleServerValidation.Contracts;
using System.Text.Json;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Operations;
using MiddleServerValidation.Persistence.PersonalData;

namespace MiddleServerValidation.Processing.Intake;

/// <summary>
/// Where every registration enters the decision step, whatever brought it (a message, a batch file's row): read and
/// validated once (<see cref="RegistrationReader"/>), its personal number turned into a lookup key and ciphertext once.
/// Pure CPU work, no I/O: a batch prepares its next chunks while one is being decided.
/// </summary>
public sealed class RegistrationIntake(RegistrationReader reader, PersonalNumberProtector protector)
{
    public PreparedRegistration[] Prepare(IReadOnlyList<Submission> submissions)
    {
        var prepared = new PreparedRegistration[submissions.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = Prepare(submissions[i].Message, submissions[i].Sender);
        }

        return prepared;
    }

    /// <param name="sender">The insurer authentication established (see <see cref="Submission"/>); null for in-process callers.</param>
    /// <param name="numberCipher">
    /// The personal number as sent, already encrypted with the same key (a batch row is staged that way): stored as it
    /// is instead of being encrypted again.
    /// </param>
    public PreparedRegistration Prepare(RegisterEnrollee message, string? sender = null, byte[]? numberCipher = null)
    {
        var read = reader.Read(message);
        var operation = OperationReader.Read(message);
        var number = read.Candidate?.PersonalNumber?.Value;
        var key = number is null ? null : protector.LookupKey(number);
        return new PreparedRegistration
        {
            Operation = operation,
            OperationKey = operation.IsRegistration ? null : operation.OperationId ?? ContentKey(message),
            RecordLockKey = operation.IsRegistration || read.Key is null ? null : RecordKeys.LockKey(read.Key),
            Message = message,
            Read = read,
            Sender = sender,
            Refusal = read.Key is { } address && sender is not null && address.InsurerNumber != sender ? OtherInsurer(address.InsurerNumber, sender) : null,
            BatchId = read.Candidate?.BatchId ?? StorableBatchId(message.BatchId),
            NumberKey = key,
            NumberKeyHex = key is null ? null : Convert.ToHexString(key),
            // Bound to the record it is stored as; a record with no key is never stored, so it is not encrypted at all.
            NumberCipher = numberCipher ?? (string.IsNullOrWhiteSpace(message.PersonalNumber) || read.Key is not { } stored
                ? null
                : protector.Encrypt(message.PersonalNumber, PersonalDataBinding.Registration(stored.InsurerNumber, stored.RegistrationId))),
            KanjiNameCipher = Seal(message.KanjiName, read.Key, FactFields.KanjiName),
            AddressCipher = Seal(message.Address, read.Key, FactFields.Address),
        };
    }

    // As sent (cut to the longest a field is read from), bound to the record and the field; never stored in the clear.
    private byte[]? Seal(string? value, RegistrationKey? key, string field) =>
        string.IsNullOrWhiteSpace(value) || key is null
            ? null
            : protector.Encrypt(value.Length > RegistrationReader.MaxFieldLength ? value[..RegistrationReader.MaxFieldLength] : value,
                PersonalDataBinding.RegistrationField(key.InsurerNumber, key.RegistrationId, field));

    /// <summary>
    /// An operation sent without an id is identified by what it says: the same content again is the same operation. Keyed
    /// (the content holds personal data) and kept short enough for the log's column.
    /// </summary>
    private string ContentKey(RegisterEnrollee message) =>
        "content:" + Convert.ToHexStringLower(protector.Fingerprint(JsonSerializer.Serialize(message with { BatchId = null, OperationId = null })))[..48];

    /// <summary>An insurer registers only for itself: a record naming another one is answered, to its sender, and not stored.</summary>
    private static Reason OtherInsurer(string named, string sender) => new(ReasonCode.InsurerNumberInvalid, FieldNames.InsurerNumber,
        $"保険者番号（{named}）は、送信元として認証された保険者（{sender}）の番号ではありません。自保険者の番号を指定してください（この登録は受け付けていません）。");

    /// <summary>A rejected record keeps its batch id only when it fits the column; the value as sent is in <c>submitted</c>.</summary>
    private static string? StorableBatchId(string? batchId) =>
        batchId?.Trim() is { Length: > 0 and <= 64 } trimmed ? trimmed : null;
}
