using System.Text;

namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>
/// What a ciphertext is bound to (AES-GCM associated data): it opens only for the record it was written for, so a
/// ciphertext moved to another row, by mistake or by someone with write access to the database, does not decrypt.
/// </summary>
public readonly record struct PersonalDataBinding
{
    private PersonalDataBinding(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    /// <summary>A registration's number: its insurer (normalised) and its own id for the record (trimmed).</summary>
    public static PersonalDataBinding Registration(string insurerNumber, string registrationId) =>
        new(Encoding.UTF8.GetBytes($"registration\n{insurerNumber}\n{registrationId}"));

    /// <summary>
    /// Another personal field of a registration (漢字氏名, 住所): bound to the record and to the field, so the two cannot
    /// be swapped with each other or with the personal number.
    /// </summary>
    public static PersonalDataBinding RegistrationField(string insurerNumber, string registrationId, string field) =>
        new(Encoding.UTF8.GetBytes($"registration\n{insurerNumber}\n{registrationId}\n{field}"));

    /// <summary>A whole message, bound to what it is kept for (e.g. the error queue).</summary>
    public static PersonalDataBinding Purpose(string purpose) => new(Encoding.UTF8.GetBytes($"purpose\n{purpose}"));
}
