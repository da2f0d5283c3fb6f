-- The console's staff views of every wallet: the wallets below zero (the dashboard's figure and its list) and money
-- in and out per month (a chart over a period), both read from the wallet-view read model.
CREATE INDEX ix_rm_wallet_overdrawn ON rm_wallet (main_balance_cents) WHERE main_balance_cents < 0;
CREATE INDEX ix_rm_wallet_movement_occurred ON rm_wallet_movement (occurred_at);
