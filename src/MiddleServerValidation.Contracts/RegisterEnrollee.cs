namespace MiddleServerValidation.Contracts;

/// <summary>
/// One enrollee registration from an insurer (its exchange <c>registrations.{insurer}</c>), or an operation on one it
/// registered before (<see cref="Operation"/>: correct, withdraw, answer). Every field is a string as sent: the service
/// validates and answers with a notice, so a malformed value becomes a <c>Rejected</c> outcome instead of a failed delivery.
/// </summary>
public sealed record RegisterEnrollee
{
    /// <summary>The insurer's id for this record (≤ 64 chars); with <see cref="InsurerNumber"/> the idempotency key.</summary>
    public string? RegistrationId { get; init; }

    /// <summary>保険者番号: 6 or 8 digits including the check digit.</summary>
    public string? InsurerNumber { get; init; }

    /// <summary>個人番号: 12 digits including the check digit; absent while not yet obtained.</summary>
    public string? PersonalNumber { get; init; }

    /// <summary>ISO <c>1989-09-13</c> or an era form (<c>H1.9.13</c>, <c>平成元年9月13日</c>, <c>4010913</c>).</summary>
    public string? BirthDate { get; init; }

    /// <summary>カナ氏名: surname and given name separated by a space.</summary>
    public string? KanaName { get; init; }

    /// <summary><c>1</c> male, <c>2</c> female.</summary>
    public string? Sex { get; init; }

    /// <summary>
    /// 漢字氏名 (optional): surname and given name separated by a space, as in the 住民票. Compared with J-LIS after the
    /// 異体字 fold (docs/matching.md). Personal data: stored encrypted, never logged.
    /// </summary>
    public string? KanjiName { get; init; }

    /// <summary>住所 (optional), as in the 住民票. Compared with J-LIS after normalisation (docs/matching.md). Personal data.</summary>
    public string? Address { get; init; }

    /// <summary>被保険者証 記号.</summary>
    public string? CardSymbol { get; init; }

    /// <summary>被保険者証 番号.</summary>
    public string? CardNumber { get; init; }

    /// <summary>被保険者証 枝番: two digits.</summary>
    public string? BranchNumber { get; init; }

    /// <summary>資格取得日, ISO or era form.</summary>
    public string? QualificationDate { get; init; }

    /// <summary>Groups the records of one submission.</summary>
    public string? BatchId { get; init; }

    /// <summary>
    /// What to do (see <see cref="RegistrationOperations"/>): absent or <c>register</c> registers a new record;
    /// <c>correct</c> replaces the record with a new version (every field as it should be); <c>withdraw</c> takes it out of
    /// use; <c>answer</c> answers its Suspected outcome with 理由付き疑いなし.
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>
    /// The insurer's id for this operation (≤ 64 chars): an operation sent again with the same id is applied once. When
    /// absent, the operation's content identifies it.
    /// </summary>
    public string? OperationId { get; init; }

    /// <summary>Why: a withdrawal reason or an answer category (<see cref="RegistrationOperations"/>).</summary>
    public string? OperationReason { get; init; }

    /// <summary>The reason in words (≤ 200 chars): required for an answer and for the reason <c>Other</c>.</summary>
    public string? OperationNote { get; init; }
}
