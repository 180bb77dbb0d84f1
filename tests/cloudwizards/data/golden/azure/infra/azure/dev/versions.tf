# azurerm ~> 4.69. The subscription comes from ARM_SUBSCRIPTION_ID or `az account set`.
terraform {
  required_version = ">= 1.5.7"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.69"
    }
  }
}

provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}
