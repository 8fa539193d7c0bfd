from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "regulars.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self):
        from regulars.audit.registry import register as protocol
        from regulars.core.panels import register
        from regulars.core.roles import Role
        from regulars.core.user_mail import UserMail
        from regulars.core.user_mail import register as register_user_mail

        from .models import MailAccount
        from .panels import EMAIL_ACTION, PANEL
        from .services import mail_accounts_exist, send_mail_to_user

        register("customer", PANEL)
        register("receipt-actions", EMAIL_ACTION)  # beside receipts on the customer page and at the till
        register_user_mail(UserMail(available=mail_accounts_exist, send=send_mail_to_user))  # a forgotten password
        protocol(
            MailAccount, key="mail_account", secret=("password_encrypted",),
            labels={"password_encrypted": _("password")}, url_name="communication:mailaccount_edit",
            required_role=Role.ADMIN,
        )  # fmt: skip
