using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.PersonalData;

namespace MiddleServerValidation.Processing.Intake;

/// <summary>
/// Where every registration enters the decision step, whatever brought it (a message, a batch file's row): read and
/// validated once (<see cref="RegistrationReader"/>), its personal number turned into a lookup key and ciphertext once.
/// Pure CPU work, no I/O: a batch prepares its next chunks while one is being decided.
/// </summary>
public sealed class RegistrationIntake(RegistrationReader reader, PersonalNumberProtector protector)
{
    public PreparedRegistration[] Prepare(IReadOnlyList<RegisterEnrollee> messages)
    {
        var prepared = new PreparedRegistration[messages.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = Prepare(messages[i]);
        }

        return prepared;
    }

    /// <param name="numberCipher">
    /// The personal number as sent, already encrypted with the same key (a batch row is staged that way): stored as it
    /// is instead of being encrypted again.
    /// </param>
    public PreparedRegistration Prepare(RegisterEnrollee message, byte[]? numberCipher = null)
    {
        var read = reader.Read(message);
        var number = read.Candidate?.PersonalNumber?.Value;
        var key = number is null ? null : protector.LookupKey(number);
        return new PreparedRegistration
        {
            Message = message,
            Read = read,
            BatchId = read.Candidate?.BatchId ?? StorableBatchId(message.BatchId),
            NumberKey = key,
            NumberKeyHex = key is null ? null : Convert.ToHexString(key),
            NumberCipher = numberCipher ?? (string.IsNullOrWhiteSpace(message.PersonalNumber) ? null : protector.Encrypt(message.PersonalNumber)),
        };
    }

    /// <summary>A rejected record keeps its batch id only when it fits the column; the value as sent is in <c>submitted</c>.</summary>
    private static string? StorableBatchId(string? batchId) =>
        batchId?.Trim() is { Length: > 0 and <= 64 } trimmed ? trimmed : null;
}
