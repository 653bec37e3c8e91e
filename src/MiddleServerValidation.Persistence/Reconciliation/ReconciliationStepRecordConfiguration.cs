using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Reconciliation;

internal sealed class ReconciliationStepRecordConfiguration : IEntityTypeConfiguration<ReconciliationStepRecord>
{
    public void Configure(EntityTypeBuilder<ReconciliationStepRecord> builder)
    {
        builder.ToTable("reconciliation_steps");
        builder.HasKey(s => new { s.RunId, s.Step });
        builder.Property(s => s.RunId).HasColumnName("run_id");
        builder.Property(s => s.Step).HasColumnName("step").HasMaxLength(32);
        builder.Property(s => s.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(s => s.StartedAt).HasColumnName("started_at");
        builder.Property(s => s.FinishedAt).HasColumnName("finished_at");
        builder.Property(s => s.CountsJson).HasColumnName("counts").HasColumnType("jsonb");
        builder.Property(s => s.Checkpoint).HasColumnName("checkpoint");
        builder.Property(s => s.Warning).HasColumnName("warning");
        builder.Property(s => s.Error).HasColumnName("error");
    }
}
