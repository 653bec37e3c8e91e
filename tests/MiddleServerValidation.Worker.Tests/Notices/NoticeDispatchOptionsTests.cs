using System.ComponentModel.DataAnnotations;
using MiddleServerValidation.Worker.Notices;

namespace MiddleServerValidation.Worker.Tests.Notices;

public sealed class NoticeDispatchOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new NoticeDispatchOptions()));
    }

    [Fact]
    public void A_claim_must_outlast_the_send_it_covers()
    {
        var problems = Validate(new NoticeDispatchOptions { SendTimeout = TimeSpan.FromMinutes(2), ClaimLease = TimeSpan.FromMinutes(1) });

        Assert.Contains(problems, p => p.MemberNames.Contains(nameof(NoticeDispatchOptions.ClaimLease)));
    }

    private static List<ValidationResult> Validate(NoticeDispatchOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
