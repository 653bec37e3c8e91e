namespace MiddleServerValidation.Contracts;

/// <summary>The values of <see cref="RegisterEnrollee.Operation"/> and of its reasons, as insurers send them.</summary>
public static class RegistrationOperations
{
    /// <summary>A new record (also when <c>operation</c> is absent).</summary>
    public const string Register = "register";

    /// <summary>訂正: a new version of the record, decided like a new registration; the version it replaces stops counting.</summary>
    public const string Correct = "correct";

    /// <summary>削除: the record leaves use and the history; <see cref="RegisterEnrollee.OperationReason"/> says why.</summary>
    public const string Withdraw = "withdraw";

    /// <summary>理由付き疑いなし: the insurer's answer to its own Suspected record; the record is released.</summary>
    public const string Answer = "answer";

    /// <summary>Why a record is withdrawn.</summary>
    public static class WithdrawalReasons
    {
        /// <summary>誤登録: registered in error (a wrong person or number).</summary>
        public const string Misregistration = nameof(Misregistration);

        /// <summary>資格喪失: the enrollee's qualification ended.</summary>
        public const string QualificationLost = nameof(QualificationLost);

        /// <summary>重複: the same enrollee is registered under another registration id.</summary>
        public const string Duplicate = nameof(Duplicate);

        /// <summary>その他: the note says why.</summary>
        public const string Other = nameof(Other);
    }

    /// <summary>The categories of an answer (理由付き疑いなし), the same the review console offers its staff.</summary>
    public static class AnswerReasons
    {
        public const string VerifiedTwins = nameof(VerifiedTwins);
        public const string NameChangeConfirmed = nameof(NameChangeConfirmed);
        public const string BirthDateCorrectionConfirmed = nameof(BirthDateCorrectionConfirmed);
        public const string SamePersonConfirmed = nameof(SamePersonConfirmed);
        public const string JlisRecheckConfirmed = nameof(JlisRecheckConfirmed);
        public const string Other = nameof(Other);
    }
}
