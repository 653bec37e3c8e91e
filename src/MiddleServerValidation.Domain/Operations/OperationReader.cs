using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Operations;

/// <summary>
/// Reads a message's operation fields (<c>operation</c>, <c>operationId</c>, <c>operationReason</c>,
/// <c>operationNote</c>). A message without them is a registration, as every message before operations existed. Each
/// operation name and reason may also be written in Japanese (訂正, 削除, 誤登録, …), as staff write them in a file.
/// </summary>
public static class OperationReader
{
    public const int MaxNoteLength = 200;

    private static readonly (string Name, RegistrationOperation Kind)[] Names =
    [
        (RegistrationOperations.Register, RegistrationOperation.Register), ("登録", RegistrationOperation.Register),
        (RegistrationOperations.Correct, RegistrationOperation.Correct), ("訂正", RegistrationOperation.Correct),
        (RegistrationOperations.Withdraw, RegistrationOperation.Withdraw), ("削除", RegistrationOperation.Withdraw),
        (RegistrationOperations.Answer, RegistrationOperation.Answer), ("回答", RegistrationOperation.Answer),
        ("疑いなし", RegistrationOperation.Answer), ("理由付き疑いなし", RegistrationOperation.Answer),
    ];

    public static string NameOf(RegistrationOperation kind) => kind switch
    {
        RegistrationOperation.Correct => RegistrationOperations.Correct,
        RegistrationOperation.Withdraw => RegistrationOperations.Withdraw,
        RegistrationOperation.Answer => RegistrationOperations.Answer,
        _ => RegistrationOperations.Register,
    };

    public static OperationRequest Read(RegisterEnrollee message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Blank(message.Operation) && Blank(message.OperationId) && Blank(message.OperationReason) && Blank(message.OperationNote))
        {
            return OperationRequest.Registration;
        }

        var problems = new List<Reason>();
        var kind = RegistrationOperation.Register;
        if (!Blank(message.Operation))
        {
            var name = Normalized(message.Operation!);
            var found = Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
            if (found.Name is null)
            {
                problems.Add(Problem(FieldNames.Operation,
                    $"操作（operation）は register / correct / withdraw / answer（登録・訂正・削除・回答）のいずれかで指定してください（{Shown(name)}）。"));
            }
            else
            {
                kind = found.Kind;
            }
        }

        var id = Blank(message.OperationId) ? null : message.OperationId!.Trim();
        if (id is { Length: > 64 })
        {
            problems.Add(Problem(FieldNames.OperationId, $"操作ID（operationId）は64文字以内で指定してください（{id.Length}文字でした）。"));
        }

        var note = Blank(message.OperationNote) ? null : PersonalNumbersInText.Mask(message.OperationNote!.Trim());
        var reason = ReadReason(kind, message.OperationReason, note, problems);
        if (note is { Length: > MaxNoteLength })
        {
            // Checked after the reason, which only asks whether a note was given: a long note is one problem, not two.
            problems.Add(Problem(FieldNames.OperationNote, $"理由（operationNote）は{MaxNoteLength}文字以内で指定してください（{note.Length}文字でした）。"));
            note = null;
        }

        return new OperationRequest(kind, id, reason, note, problems);
    }

    private static string? ReadReason(RegistrationOperation kind, string? value, string? note, List<Reason> problems)
    {
        var given = Blank(value) ? null : Normalized(value!);
        switch (kind)
        {
            case RegistrationOperation.Withdraw:
                return Required(OperationReasons.Withdrawal, given, note, noteAlways: false, "削除の理由", problems);
            case RegistrationOperation.Answer:
                return Required(OperationReasons.NoError, given, note, noteAlways: true, "疑いなしの理由区分", problems);
            default:
                if (given is not null || note is not null)
                {
                    problems.Add(Problem(given is not null ? FieldNames.OperationReason : FieldNames.OperationNote,
                        "理由（operationReason・operationNote）は削除（withdraw）と回答（answer）のときだけ指定できます。"));
                }

                return null;
        }
    }

    private static string? Required(
        IReadOnlyList<(string Key, string Label)> list, string? given, string? note, bool noteAlways, string label, List<Reason> problems)
    {
        var keys = string.Join(" / ", list.Select(r => r.Key));
        if (given is null)
        {
            problems.Add(Problem(FieldNames.OperationReason, $"{label}（operationReason）を指定してください（{keys}）。"));
            return null;
        }

        var key = OperationReasons.Find(list, given);
        if (key is null)
        {
            problems.Add(Problem(FieldNames.OperationReason, $"{label}（operationReason）は {keys} のいずれかで指定してください（{Shown(given)}）。"));
            return null;
        }

        if (note is null && (noteAlways || key == RegistrationOperations.WithdrawalReasons.Other))
        {
            problems.Add(Problem(FieldNames.OperationNote, "理由を文章で（operationNote）指定してください（例：本人確認書類で双子であることを確認）。"));
        }

        return key;
    }

    private static Reason Problem(string field, string message) => new(ReasonCode.OperationInvalid, field, message);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string Normalized(string value) => UnicodeText.TryNormalizeKc(value.Trim(), out var folded) ? folded : value.Trim();

    /// <summary>
    /// A value as quoted back: short, any number in it masked, never more than a name's worth (a shifted column may carry
    /// anything a client sent).
    /// </summary>
    private static string Shown(string value) => value.Length <= 20 ? $"「{PersonalNumbersInText.Mask(value)}」" : $"{value.Length}文字の値";
}
