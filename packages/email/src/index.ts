export { invitationMail, type InvitationMail } from "./templates/invitation.ts";
export { createMailer, mailer, onMailOutcome, resetMailer, type Mailer, type OutgoingMail } from "./transport.ts";
export { emailVerificationMail, newDeviceMail, passwordResetMail, signUpAttemptMail, twoFactorEnabledMail } from "./templates/account-security.ts";
export { recommendationReminderMail, type RecommendationReminderMail } from "./templates/recommendation-reminder.ts";
export { defang, oneLine, quotedName, quotedPassage } from "./user-text.ts";
