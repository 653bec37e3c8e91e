namespace MiddleServerValidation.Persistence.Audit;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string ViewCase = nameof(ViewCase);
    public const string Unmask = nameof(Unmask);

    /// <summary>An unmask attempt refused for want of the Supervisor role.</summary>
    public const string UnmaskDenied = nameof(UnmaskDenied);

    public const string Assign = nameof(Assign);
    public const string Confirm = nameof(Confirm);
    public const string Dismiss = nameof(Dismiss);
    public const string Reopen = nameof(Reopen);
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string SignInThrottled = nameof(SignInThrottled);
    public const string SignOut = nameof(SignOut);
    public const string ExportAuditLog = nameof(ExportAuditLog);
    public const string ViewDataQualityReport = nameof(ViewDataQualityReport);
    public const string ExportDataQualityCsv = nameof(ExportDataQualityCsv);
    public const string DownloadCorrectionFile = nameof(DownloadCorrectionFile);

    /// <summary>An insurer obtained, with its API key, the number J-LIS's search found for its record.</summary>
    public const string RetrieveFoundNumber = nameof(RetrieveFoundNumber);

    public static readonly IReadOnlyList<string> All =
    [
        ViewCase, Unmask, UnmaskDenied, Assign, Confirm, Dismiss, Reopen,
        SignIn, SignInFailed, SignInThrottled, SignOut, ExportAuditLog,
        ViewDataQualityReport, ExportDataQualityCsv, DownloadCorrectionFile, RetrieveFoundNumber,
    ];
}
