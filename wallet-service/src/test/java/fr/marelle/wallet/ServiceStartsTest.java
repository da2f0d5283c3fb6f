package fr.marelle.wallet;

import fr.marelle.platform.test.ServiceStartsContract;
import fr.marelle.wallet.support.WalletServiceTest;

@WalletServiceTest
class ServiceStartsTest extends ServiceStartsContract {
}
