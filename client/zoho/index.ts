/**
 * The Zoho library's façade: what the CLI and the VS Code extension use of it, imported as `@crm/zoho`. Sign-in
 * (OAuth, PKCE, loopback), tokens, the CRM client with its bounds and checks, Create and Update, error words.
 */
export { createModule } from './createModule';
export { createdModuleName, createFields, describeFieldError, fieldsOfBody } from './createFields';
export { listFields } from './fieldsApi';
export type { FieldSummary } from './fieldsApi';
export { fieldsFileText, isOwnCustomField, planFieldsUpdate } from './fieldsFile';
export type { FieldsPlan } from './fieldsFile';
export { updateFields } from './updateFields';
export type { FieldStep } from './updateFields';
export type { FieldsRun } from './createFields';
export type { CreateOutcome } from './createModule';
export { CrmClient } from './crmClient';
export type { ModuleDetails, OrgSummary } from './crmClient';
export { DATA_CENTERS, apiDomainFor, authorizeAccountsUrl, dataCenter, dataCenterOfUrl } from './dataCenters';
export type { Environment } from './dataCenters';
export { errorSentence, ZohoError, messageOf } from './errors';
export { describeApiError } from './explain';
export type { ZohoErrorEntry } from './explain';
export { findOrgModule } from './findModule';
export { DEFAULT_TIMEOUT_MS, createHttp } from './http';
export { locateError } from './locateError';
export { Logger } from './log';
export { errorInFile, moduleFileText, planUpdate, readModuleFile } from './moduleFile';
export type { UpdatePlan } from './moduleFile';
export { DEFAULT_SCOPES, OAuthClient, randomUrlSafe } from './oauth';
export { fetchOrgSnapshot, orgForChecks, withModuleFields } from './orgSnapshot';
export { checkFieldsRules, checkOrg, checkRules } from './preflight';
export { Redactor, redactPatterns } from './redact';
export { checkedServerUrl } from './serverUrl';
export { browserSignIn, cleanGrantCode, grantCodeProblem, selfClientSignIn } from './signIn';
export type { SignInResult } from './signIn';
export { TokenManager } from './tokenManager';
export { updateModule } from './updateModule';
export type { UpdateOutcome } from './updateModule';
export { applyPlan } from './syncApply';
export { APPLY_LOCK_FILE, takeApplyLock } from './applyLock';
export { changes, describePlan, planModule } from './syncPlan';
export { currentBaseline, groupFiles, orgIdOf, planFolder } from './syncFolder';
export type { FolderPlan } from './syncFolder';
export { describeMapping, mapFileIds } from './idMapping';
export type { OrgDirectory } from './orgDirectory';
export { directoryOfSnapshot, listGlobalPicklists, readDirectory } from './orgDirectory';
export { recordedDirectories } from './syncState';
export type { ItemState, LocalFile, LocalModule, ModulePlan } from './syncPlan';
export { baselineOf, readSyncState, SYNC_STATE_FILE, syncStateText, withReading } from './syncState';
export type { SyncState } from './syncState';
