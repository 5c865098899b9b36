// Win/loss cases: the record, its files, merging, figures, and promotion to stories.
export * from './case.ts';
export { newCase, randomUuid, type NewCase } from './create.ts';
export { setOutcome, addEvent, editCase, setTags, recordFollowup, type OutcomeChange } from './update.ts';
export { readCases, readCaseLines, visitCaseLines, writeCases, formatCaseProblem, type CaseProblem, type ReadCases, type ReadOptions } from './jsonl.ts';
export { caseTimes, suspectTimes, type CaseTimes } from './suspect-times.ts';
export { mergeCases, isNewerCopy, type CaseFields } from './merge.ts';
export { userDatabaseName, caseDocument, caseLineOfDocument, visitCaseDocuments, formatCaseDocumentProblem, type CaseDocumentProblem } from './couch-documents.ts';
export { visitCaseDatabase, CaseDatabaseError, type CouchGet, type CaseDatabaseRead, type CaseDatabaseOptions } from './couch-reader.ts';
export { aliasCases, aliasCase, customerAlias, isAlias } from './alias.ts';
export { wilsonRate, type Rate } from './wilson.ts';
export { caseReport, CaseReportBuilder, type CaseReport, type Duration, type LossReasonCount, type ReportOptions } from './report.ts';
export { TagFigures, NO_SOURCE, type TagRate, type SourceRate } from './tag-figures.ts';
export { replyStatsOf } from './reply-stats.ts';
export { filterCases, caseFacets, type CaseFilter } from './filter.ts';
export { storyDraftOf, PromoteError, type PromoteOptions } from './promote.ts';
export { playbookLanguage } from './promote-language.ts';
export { insertStory, storyYaml, type InsertedStory } from './insert-story.ts';
