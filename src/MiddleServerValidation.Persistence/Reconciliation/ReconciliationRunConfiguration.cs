using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Reconciliation;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("reconciliation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.RunDate).HasColumnName("run_date");
        builder.Property(r => r.Trigger).HasColumnName("trigger").HasMaxLength(16);
        builder.Property(r => r.RuleSetVersion).HasColumnName("rule_set_version").HasMaxLength(32);
        builder.Property(r => r.Steps).HasColumnName("steps");
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(24);
        builder.Property(r => r.StartedAt).HasColumnName("started_at");
        builder.Property(r => r.FinishedAt).HasColumnName("finished_at");
        builder.Property(r => r.Error).HasColumnName("error");
        builder.Property(r => r.Host).HasColumnName("host");
    }
}
