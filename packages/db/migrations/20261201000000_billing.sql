-- Up Migration

-- One row per workspace that has started billing: the Stripe customer, and the subscription's state
-- as last read from Stripe by the webhook handler. No row means "never subscribed".
CREATE TABLE workspace_billing (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  -- Unique: webhooks find the workspace by the customer id in the event (a privileged look-up).
  stripe_customer_id text NOT NULL UNIQUE,
  stripe_subscription_id text,
  plan_key text,
  status text,
  current_period_end timestamptz(3),
  cancel_at_period_end boolean NOT NULL DEFAULT false,
  -- When a payment first failed; the grace period runs from here. Cleared when a payment succeeds.
  payment_failed_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

ALTER TABLE workspace_billing ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace_billing FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON workspace_billing
  USING (tenant_id = current_tenant_id());
-- The app reads the state and records the customer when an owner first starts Checkout; the
-- subscription's state is written only by the webhook handler (privileged handle).
GRANT SELECT, INSERT, UPDATE ON workspace_billing TO vigil_app;

-- Every Stripe event processed, so a redelivered event is processed once. Global (events have no
-- tenant until looked up) and reached only through the privileged handle: no grant to vigil_app.
CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  processed_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE stripe_events;
DROP TABLE workspace_billing;
