namespace MiddleServerValidation.JlisStub;

/// <summary>The only form in which a personal number may reach a log: <c>********1234</c>.</summary>
internal static class PersonalNumberMask
{
    public static string Mask(string personalNumber) =>
        personalNumber.Length <= 4 ? new string('*', personalNumber.Length) : new string('*', personalNumber.Length - 4) + personalNumber[^4..];
}
