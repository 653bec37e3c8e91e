using System.ComponentModel.DataAnnotations;
using MiddleServerValidation.ServiceDefaults;

namespace MiddleServerValidation.Worker.Tests.Notices;

public sealed class RabbitMqOptionsTests
{
    [Fact]
    public void The_defaults_bound_what_unacknowledged_messages_may_hold()
    {
        var options = new RabbitMqOptions { Username = "worker", Password = "secret" };

        Assert.Empty(Validate(options));
        Assert.True((long)options.PrefetchCount * options.MaxMessageBytes <= RabbitMqOptions.InFlightBudgetBytes);
    }

    [Fact]
    public void A_prefetch_times_message_size_over_the_budget_stops_the_start()
    {
        var options = new RabbitMqOptions { Username = "worker", Password = "secret", PrefetchCount = 5_000, MaxMessageBytes = 1024 * 1024 };

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(nameof(RabbitMqOptions.PrefetchCount)));
    }

    private static List<ValidationResult> Validate(RabbitMqOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
