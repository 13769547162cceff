//! The Rust types the UI sees, exported as TypeScript into `ui/src/lib/bindings/`. A test
//! regenerates them and fails when the committed files are stale.

use ts_rs::{Config, ExportError, TS};

/// Every type shared with the UI, with its TypeScript declaration file's contents.
pub fn typescript_files() -> Result<Vec<(std::path::PathBuf, String)>, ExportError> {
    // JavaScript numbers hold every id and millisecond count Hark stores (< 2^53).
    let cfg = Config::new().with_large_int("number");
    let mut files = Vec::new();
    macro_rules! export {
        ($($ty:ty),* $(,)?) => {$(
            let path = <$ty as TS>::output_path()
                .ok_or(ExportError::CannotBeExported(std::any::type_name::<$ty>()))?;
            files.push((path, <$ty as TS>::export_to_string(&cfg)?));
        )*};
    }
    use crate::analysis::{AnalysisProgress, AnalysisReport, Metrics, Span, Timeline};
    use crate::app::AppStatus;
    use crate::audio::{AudioInfo, DurationSource};
    use crate::call::{CallAnalysisFailed, CallDetail};
    use crate::demo::DemoReport;
    use crate::error::CommandError;
    use crate::evaluation::{
        AgentPage, AgentSummary, AnswerChange, CallEvaluations, Dispute, DraftSaved,
        EvaluationView, FormUse, Permissions, RevisionInfo, ScorePreview,
    };
    use crate::import::join::{CdrReport, Conflict};
    use crate::import::pattern::Extracted;
    use crate::import::{ImportPhase, ImportProgress, ImportReport, ImportRequest, Problem};
    use crate::library::{LibraryFacets, LibraryPage, LibraryQuery, LibraryRow, LibrarySort};
    use crate::player::{
        ChannelMode, OutputDevice, PlaybackSettings, PlaybackStatus, PlayerCommand, PlayerState,
        SkippedSilence,
    };
    use crate::sampling::criteria::{
        CompareOp, Criteria, CriteriaError, Field, Flag, Position, Value, Weekday,
    };
    use crate::sampling::{
        Allocation, AssignRequest, Assignment, GroupPlan, Method, Period, QuotaGroup, SampleDetail,
        SamplePlan, SampleRequest, SampleSize, SampleSummary, SizeReport, StratumField,
        TargetMetric, Verification, ZeroDefectReport,
    };
    use crate::scorecard::{
        Answer, AnswerType, AnswerValue, ChoiceOption, EvaluationContent, FailEffect, Feedback,
        FormVersion, NaScoring, Pin, Question, QuestionScore, SaveOutcome, Score,
        ScorecardDefinition, Section, SectionScore, SubmitProblem, SubmitProblemKind,
    };
    use crate::store::audit_log::{AuditEntry, AuditProblem, AuditVerification};
    use crate::store::evaluations::{EvaluationRow, EvaluationStatus};
    use crate::store::feedback::{Acknowledgement, DisputeStatus};
    use crate::store::recordings::{Direction, RecordingStatus};
    use crate::store::samples::{SampleItem, SampleStatus};
    use crate::store::saved_filters::SavedFilter;
    use crate::store::scorecards::ScorecardSummary;
    use crate::store::users::{Role, User};
    use crate::waveform::{ChannelPeaks, WaveformPeaks};
    export!(
        AnalysisProgress,
        AnalysisReport,
        AppStatus,
        Allocation,
        AssignRequest,
        Assignment,
        GroupPlan,
        Method,
        Period,
        QuotaGroup,
        SampleDetail,
        SampleItem,
        SamplePlan,
        SampleRequest,
        SampleSize,
        SampleStatus,
        SampleSummary,
        SavedFilter,
        CompareOp,
        Criteria,
        CriteriaError,
        Field,
        Flag,
        Position,
        Value,
        Weekday,
        StratumField,
        TargetMetric,
        Verification,
        AudioInfo,
        ChannelMode,
        ChannelPeaks,
        AuditEntry,
        AuditProblem,
        AuditVerification,
        CallAnalysisFailed,
        CallDetail,
        CdrReport,
        CommandError,
        Conflict,
        Extracted,
        ImportPhase,
        ImportProgress,
        ImportReport,
        ImportRequest,
        Problem,
        DemoReport,
        Direction,
        DurationSource,
        LibraryFacets,
        LibraryPage,
        LibraryQuery,
        LibraryRow,
        LibrarySort,
        Metrics,
        OutputDevice,
        PlaybackSettings,
        PlaybackStatus,
        PlayerCommand,
        PlayerState,
        RecordingStatus,
        Span,
        Timeline,
        Role,
        SizeReport,
        SkippedSilence,
        User,
        WaveformPeaks,
        ZeroDefectReport,
        Acknowledgement,
        AgentPage,
        AgentSummary,
        Answer,
        AnswerChange,
        AnswerType,
        AnswerValue,
        CallEvaluations,
        ChoiceOption,
        Dispute,
        DisputeStatus,
        DraftSaved,
        EvaluationContent,
        EvaluationRow,
        EvaluationStatus,
        EvaluationView,
        FailEffect,
        Feedback,
        FormUse,
        FormVersion,
        NaScoring,
        Permissions,
        Pin,
        Question,
        QuestionScore,
        RevisionInfo,
        SaveOutcome,
        Score,
        ScorePreview,
        ScorecardDefinition,
        ScorecardSummary,
        Section,
        SectionScore,
        SubmitProblem,
        SubmitProblemKind,
    );
    Ok(files)
}
