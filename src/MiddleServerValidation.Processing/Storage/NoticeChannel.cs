namespace MiddleServerValidation.Processing.Storage;

/// <summary>The PostgreSQL notification channel that wakes notice dispatchers when a chunk commits notices.</summary>
public static class NoticeChannel
{
    public const string Name = "registration_notices";
}
