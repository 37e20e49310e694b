{*
 * vtiger CRM Connector: outbox status on the configuration page (PrestaShop 1.6 to 9).
 *}
{if $vtc_test}
<div class="panel" id="vtc-test">
  <div class="panel-heading"><i class="icon-exchange"></i> {l s='Test result' mod='vtigercrmconnector'}</div>
  <p><strong>{l s='HTTP status' mod='vtigercrmconnector'}:</strong> {if $vtc_test.status}{$vtc_test.status|intval}{else}{l s='no answer' mod='vtigercrmconnector'}{/if}</p>
  <p><strong>{l s='Connector answer' mod='vtigercrmconnector'}:</strong></p>
  <pre>{if $vtc_test.body}{$vtc_test.body|escape:'html':'UTF-8'}{else}{$vtc_test.message|escape:'html':'UTF-8'}{/if}</pre>
  <p><strong>{l s='Request body sent (signed)' mod='vtigercrmconnector'}:</strong></p>
  <pre>{$vtc_test.request|escape:'html':'UTF-8'}</pre>
  <p class="help-block">
    {l s='202 or 200: working. 400 with "Malformed event": working (the test body is refused on purpose, nothing is stored). 401: wrong secret, or this server\'s clock is more than 5 minutes off. 404: wrong URL. No answer: address, firewall or TLS certificate.' mod='vtigercrmconnector'}
  </p>
</div>
{/if}

<div class="panel" id="vtc-outbox">
  <div class="panel-heading"><i class="icon-envelope"></i> {l s='Outbox' mod='vtigercrmconnector'}</div>

  {if !$vtc_configured}
    <div class="alert alert-warning">{l s='Not configured: no event is recorded until the webhook URL and the secret are saved.' mod='vtigercrmconnector'}</div>
  {/if}

  <p>
    <span class="badge">{$vtc_counts.pending|intval}</span> {l s='pending' mod='vtigercrmconnector'}
    &nbsp; <span class="badge{if $vtc_counts.failed} badge-danger{/if}">{$vtc_counts.failed|intval}</span> {l s='failed' mod='vtigercrmconnector'}
    &nbsp; <span class="badge badge-success">{$vtc_counts.sent|intval}</span> {l s='sent (kept 30 days)' mod='vtigercrmconnector'}
  </p>

  <form method="post" action="{$vtc_action|escape:'html':'UTF-8'}" class="form-inline">
    <button type="submit" name="submitVtcTest" value="1" class="btn btn-default"{if !$vtc_configured} disabled="disabled"{/if}>
      <i class="icon-bolt"></i> {l s='Send test event' mod='vtigercrmconnector'}
    </button>
    <button type="submit" name="submitVtcRetry" value="1" class="btn btn-default"{if !$vtc_configured} disabled="disabled"{/if}>
      <i class="icon-refresh"></i> {l s='Retry failed and pending now' mod='vtigercrmconnector'}
    </button>
  </form>

  <h4>{l s='Pending and failed events (last 20)' mod='vtigercrmconnector'}</h4>
  {if $vtc_rows}
  <div class="table-responsive">
    <table class="table">
      <thead>
        <tr>
          <th>#</th>
          <th>{l s='Type' mod='vtigercrmconnector'}</th>
          <th>{l s='Entity' mod='vtigercrmconnector'}</th>
          <th>{l s='Status' mod='vtigercrmconnector'}</th>
          <th>{l s='Attempts' mod='vtigercrmconnector'}</th>
          <th>{l s='Last error' mod='vtigercrmconnector'}</th>
          <th>{l s='Next attempt' mod='vtigercrmconnector'}</th>
          <th>{l s='Recorded' mod='vtigercrmconnector'}</th>
        </tr>
      </thead>
      <tbody>
        {foreach from=$vtc_rows item=row}
        <tr>
          <td>{$row.id|intval}</td>
          <td>{$row.type|escape:'html':'UTF-8'}</td>
          <td>{$row.entity|escape:'html':'UTF-8'}</td>
          <td>{if $row.status == 'failed'}<span class="label label-danger">{l s='failed' mod='vtigercrmconnector'}</span>{else}<span class="label label-warning">{l s='pending' mod='vtigercrmconnector'}</span>{/if}</td>
          <td>{$row.attempts|intval}</td>
          <td>{$row.error|escape:'html':'UTF-8'}</td>
          <td>{$row.next|escape:'html':'UTF-8'}</td>
          <td>{$row.created|escape:'html':'UTF-8'}</td>
        </tr>
        {/foreach}
      </tbody>
    </table>
  </div>
  {else}
    <p>{l s='None: everything recorded so far has been delivered.' mod='vtigercrmconnector'}</p>
  {/if}

  <h4>{l s='Cron URL' mod='vtigercrmconnector'}</h4>
  <p>
    {if $vtc_mode_cron}
      {l s='Sending is set to "only from the cron URL": call this address every minute or few minutes.' mod='vtigercrmconnector'}
    {else}
      {l s='Optional: events already go out after each page; calling this address every few minutes also delivers them when the shop is quiet.' mod='vtigercrmconnector'}
    {/if}
  </p>
  <pre>{$vtc_cron_url|escape:'html':'UTF-8'}</pre>
  <p class="help-block">*/5 * * * * curl -fsS "{$vtc_cron_url|escape:'html':'UTF-8'}" &gt;/dev/null</p>
  <p>{l s='Last cron run' mod='vtigercrmconnector'}: {if $vtc_last_cron}{$vtc_last_cron|escape:'html':'UTF-8'}{else}{l s='never' mod='vtigercrmconnector'}{/if}</p>
</div>
